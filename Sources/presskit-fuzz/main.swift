// presskit-fuzz: a libFuzzer target for every reader, with every writer behind it.
//   swift build --product presskit-fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//   PRESSKIT_FUZZ_FORMAT=html [PRESSKIT_FUZZ_WRITERS=json,docx] .build/release/presskit-fuzz CORPUS_DIR -max_total_time=60
// Built without FUZZING it replays the files named on the command line (crash regressions).
import PressKit
#if canImport(Glibc)
import Glibc
#endif
#if FUZZING
import CFuzzerDriver
#endif

if let name = getenv("PRESSKIT_FUZZ_FORMAT").map({ String(cString: $0) }), name == "docx-xml" {
    FuzzTarget.format = Formats.named("docx")!
    FuzzTarget.wrap = DOCXFuzzPackage.wrap
} else if let name = getenv("PRESSKIT_FUZZ_FORMAT").map({ String(cString: $0) }) {
    guard let format = Formats.named(name), format.reader != nil else {
        print("presskit-fuzz: unknown reader \(name)")
        exit(2)
    }
    FuzzTarget.format = format
}
// PRESSKIT_FUZZ_WRITERS: a comma-separated list of writers to run behind the reader (default: every writer).
if let names = getenv("PRESSKIT_FUZZ_WRITERS").map({ String(cString: $0) }), !names.isEmpty {
    var writers: [Format] = []
    for name in names.split(separator: ",").map(String.init) {
        guard let format = Formats.named(name), format.writer != nil else {
            print("presskit-fuzz: unknown writer \(name)")
            exit(2)
        }
        writers.append(format)
    }
    FuzzTarget.writers = writers
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
#else
for path in CommandLine.arguments.dropFirst() {
    guard let file = fopen(path, "rb") else { continue }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    fclose(file)
    FuzzTarget.run(bytes)
    print("ok \(path)")
}
#endif
