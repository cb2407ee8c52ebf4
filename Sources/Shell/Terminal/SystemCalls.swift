#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// read(2) and write(2) under names that the `read`/`write` methods of the types
// calling them do not shadow, and that need no `Glibc.` or `Darwin.` prefix.

func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
