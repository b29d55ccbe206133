// Folio: the library product. One import gives the whole pipeline: load → lay out → render.
@_exported import FolioCairo
@_exported import FolioCharts
@_exported import FolioDisplay
@_exported import FolioLayout
@_exported import FolioModel
