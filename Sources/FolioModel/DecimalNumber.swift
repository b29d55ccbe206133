/// Numbers of data cells read fast: plain decimals (`-12.5`, `992.14`, `7`) of up to 15 significant
/// digits and 22 decimal places are exact in a `Double` as digits ÷ 10ⁿ, and one IEEE division
/// rounds them correctly (Clinger's fast path), so the result is bit for bit what `Double(text)`
/// gives. Anything else (exponents, more digits, `inf`, spaces) goes to `Double(text)` (`strtod`),
/// which costs several times more: a 10,000-row chart reads 30,000 numbers.
enum DecimalNumber {
    /// 10⁰ … 10²², each exact in a `Double`.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number `text` spells, or nil (as `Double(text)`).
    static func parse(_ text: String) -> Double? {
        if case let fast?? = text.utf8.withContiguousStorageIfAvailable({ fastPath($0) }) { return fast }
        return Double(text)
    }

    /// The value of `[+-]digits[.digits]` with at most 15 significant digits, else nil.
    static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0, decimals = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
                if mantissa != 0 || byte != UInt8(ascii: "0") { significant += 1 }
                if significant > 15 { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if seenPoint { decimals += 1 }
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, decimals <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }
}
