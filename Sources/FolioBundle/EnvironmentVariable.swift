#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One environment variable, read with getenv(3). `ProcessInfo.processInfo.environment` copies the
/// whole environment into a new dictionary at every use (about 0.1 ms each time; a chart export used
/// it eleven times). The environment is only set before other threads start (`ProcessTuning`).
public enum EnvironmentVariable {
    /// The variable's value, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Whether the variable is set to `1` (the `FOLIO_TRACE=1` switches).
    public static func isOne(_ name: String) -> Bool { value(name) == "1" }
}
