import Foundation

/// Finds a layout by name or path and resolves it on top of the built-in `briefing` defaults.
public enum LayoutLoader {
    /// The layout named `reference`: a path (has `/` or ends in `.yaml`) relative to `baseFolder`,
    /// else `baseFolder/Layouts/NAME.yaml`, else a built-in layout.
    public static func load(_ reference: String, baseFolder: String, at location: SourceLocation) throws -> LayoutSpec {
        var spec = try defaults()
        let isPath = reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
        if isPath {
            let path = reference.hasPrefix("/") || baseFolder == "." ? reference : (baseFolder as NSString).appendingPathComponent(reference)
            try spec.apply(YAMLParsing.parse(InputFile.read(path, referencedFrom: location, what: "layout"), file: path))
            spec.name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return spec
        }
        let local = (baseFolder as NSString).appendingPathComponent("Layouts/\(reference).yaml")
        if InputFile.exists(local) {
            try spec.apply(YAMLParsing.parse(InputFile.read(local, referencedFrom: location, what: "layout"), file: local))
        } else if let source = BuiltinLayouts.sources[reference] {
            if reference != "briefing" {
                try spec.apply(YAMLParsing.parse(source, file: "<builtin>/Layouts/\(reference).yaml"))
            }
        } else {
            var known = Set(BuiltinLayouts.sources.keys)
            let folder = (baseFolder as NSString).appendingPathComponent("Layouts")
            for file in InputFile.names(in: folder) where file.hasSuffix(".yaml") {
                known.insert(String(file.dropLast(5)))
            }
            throw Diagnostic.error(at: location, "unknown layout '\(reference)'", hints: Suggestions.hint(for: reference, in: Array(known)))
        }
        spec.name = reference
        return spec
    }

    /// The built-in `briefing` layout: the defaults of every other layout.
    public static func defaults() throws -> LayoutSpec {
        var spec = LayoutSpec()
        if let source = BuiltinLayouts.sources["briefing"] {
            try spec.apply(YAMLParsing.parse(source, file: "<builtin>/Layouts/briefing.yaml"))
        }
        return spec
    }
}
