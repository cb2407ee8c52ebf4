#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The columns of the terminal on standard output: the kernel's window size, else
/// `COLUMNS`, else 80. Charts are laid out to it.
func terminalWidth(environment: [String: String]) -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = environment["COLUMNS"].flatMap({ Int($0) }), (1...10_000).contains(columns) { return columns }
    return 80
}

/// The rows of the terminal on standard output: the kernel's window size, else `LINES`, else 24.
func terminalHeight(environment: [String: String]) -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
    if let lines = environment["LINES"].flatMap({ Int($0) }), (1...10_000).contains(lines) { return lines }
    return 24
}
