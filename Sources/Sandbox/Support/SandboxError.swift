/// Why the sandbox could not start or stop, with what to do about it.
public enum SandboxError: Error, Sendable, CustomStringConvertible {
    case portUnavailable(role: String, host: String, port: Int, reason: String)
    case stateFile(path: String, reason: String)
    case stateInUse(path: String, processID: Int32?)
    case invalidConfiguration(String)

    public var message: String {
        switch self {
        case .portUnavailable(let role, let host, let port, let reason):
            let which = port == 0 ? "a free port" : "port \(port)"
            return "cannot listen for the \(role) on \(host) \(which): \(reason). Choose another port or stop the process using it."
        case .stateFile(let path, let reason):
            return "state file \(path) \(reason). The file was left untouched; fix or move it, or choose another --state path."
        case .stateInUse(let path, let processID):
            let holder = processID.map { "another sandbox (process \($0))" } ?? "another sandbox"
            return "state file \(path) is in use by \(holder). Stop it first, or use it as it is: its profiles work while it runs."
        case .invalidConfiguration(let reason):
            return reason
        }
    }

    public var description: String { message }
}
