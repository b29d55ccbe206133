/// The preview's one HTML page: the outline beside the pages (SVG images), kept up to date by
/// the `/events` stream. Only pages whose version changed are reloaded, so the scroll position
/// stays; an error shows in an overlay until the next good render.
enum PreviewPage {
    static let html = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Folio preview</title>
    <style>
      body { margin: 0; font: 14px system-ui, sans-serif; background: #e5e5e5; display: flex; }
      nav { position: sticky; top: 0; height: 100vh; overflow: auto; width: 16rem; flex: none; background: #fafafa;
            border-right: 1px solid #ccc; padding: .5rem 0; box-sizing: border-box; }
      nav a { display: block; padding: .15rem .75rem; color: #222; text-decoration: none; }
      nav a:hover { background: #eee; }
      main { flex: 1; padding: 1rem; display: flex; flex-direction: column; align-items: center; gap: 1rem; }
      figure.page { margin: 0; background: white; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 100%; }
      figure.page img { display: block; max-width: 100%; height: auto; }
      #overlay { display: none; position: fixed; left: 17rem; right: 1rem; bottom: 1rem; background: #fff1f0;
                 border: 2px solid #c0392b; padding: .75rem 1rem; white-space: pre-wrap; font: 13px ui-monospace, monospace;
                 color: #7b241c; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
      body.failed #overlay { display: block; }
    </style>
    </head>
    <body data-generation="0">
    <nav id="outline"></nav>
    <main id="pages"></main>
    <div id="overlay" role="alert"></div>
    <script>
    const shown = {};
    function apply(state) {
      const outline = document.getElementById('outline');
      outline.replaceChildren(...state.outline.map(entry => {
        const link = document.createElement('a');
        link.textContent = entry.title;
        link.href = '#page-' + entry.page;
        link.style.paddingLeft = (entry.level * 0.75) + 'rem';
        return link;
      }));
      const pages = document.getElementById('pages');
      for (const page of state.pages) {
        let figure = document.getElementById('page-' + page.number);
        if (!figure) {
          figure = document.createElement('figure');
          figure.className = 'page';
          figure.id = 'page-' + page.number;
          figure.appendChild(document.createElement('img'));
          pages.appendChild(figure);
        }
        const img = figure.firstChild;
        if (shown[page.number] !== page.version) {
          img.src = '/pages/' + page.number + '.svg?v=' + page.version;
          img.alt = page.text;
          shown[page.number] = page.version;
        }
      }
      while (pages.children.length > state.pages.length) {
        delete shown[pages.children.length];
        pages.lastChild.remove();
      }
      const overlay = document.getElementById('overlay');
      overlay.textContent = state.error ? state.error.text : '';
      document.body.classList.toggle('failed', !!state.error);
      document.body.dataset.generation = state.generation;
    }
    const events = new EventSource('/events');
    events.addEventListener('render', event => apply(JSON.parse(event.data)));
    </script>
    </body>
    </html>
    """
}
