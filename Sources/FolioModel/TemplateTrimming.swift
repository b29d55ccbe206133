import Stencil

/// Stencil's `.smart` trimming, applied once to a template's text tokens when it is parsed.
///
/// Stencil trims a text node at every render, with regular expressions over an `NSString` copy of
/// its text: a third of a batch's template time. The text and its trimming never change, so the
/// tokens are trimmed here, by Stencil's own `TextNode`, and the template is parsed with no trimming
/// left to do (`TemplateEngine.parsingEnvironment`).
enum TemplateTrimming {
    /// How a block tag's mark asks for the text beside it to be trimmed: `-` trims, `+` keeps,
    /// no mark leaves it to the environment's behaviour.
    enum Mark {
        case unspecified, trim, keep

        init(_ character: Character?) {
            self = character == "-" ? .trim : character == "+" ? .keep : .unspecified
        }

        /// What Stencil's parser makes of the mark, with `.smart` as the environment's behaviour.
        func trim(smart: TrimBehaviour.Trim) -> TrimBehaviour.Trim {
            switch self {
            case .unspecified: smart
            case .trim: .whitespaceAndNewLines
            case .keep: .nothing
            }
        }
    }

    /// `TrimBehaviour.smart`'s two sides (Stencil keeps them internal): the text after a tag loses
    /// its spaces and one newline, the text before a tag its trailing spaces.
    static var afterTag: TrimBehaviour.Trim { .whitespaceAndOneNewLine }
    static var beforeTag: TrimBehaviour.Trim { .whitespace }

    /// `tokens` (one per piece) with each text token trimmed as Stencil's parser would have a
    /// `.smart` environment trim it: by the block tag before it (a variable or comment between
    /// them ends that) and the block tag right after it.
    static func trimmed(_ tokens: [Token], pieces: [TemplateScanner.Piece], sourceMap: SourceMap) -> [Token] {
        guard tokens.count == pieces.count else { return tokens }
        var result = tokens
        var previous: Mark?
        for index in pieces.indices {
            switch pieces[index].kind {
            case .variable, .comment:
                previous = nil
            case .block:
                previous = Mark(TemplateScanner.marks(of: pieces[index].raw).trailing)
            case .text:
                var next: Mark?
                if index + 1 < pieces.count, pieces[index + 1].kind == .block {
                    next = Mark(TemplateScanner.marks(of: pieces[index + 1].raw).leading)
                }
                let behaviour = TrimBehaviour(leading: previous?.trim(smart: afterTag) ?? .nothing,
                                              trailing: next?.trim(smart: beforeTag) ?? .nothing)
                guard behaviour != .nothing,
                      let text = try? TextNode(text: tokens[index].contents, trimBehaviour: behaviour).render(Context()) else { continue }
                result[index] = .text(value: text, at: sourceMap)
            }
        }
        return result
    }
}
