import ResoDiff
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version printed by --version.
let version = "0.1.0"

let status = Command(arguments: Array(CommandLine.arguments.dropFirst())).run()
exit(status)
