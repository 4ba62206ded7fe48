import XCTest
@testable import NeuralEngine

/// `.npy` reading and writing.
final class CoreNPYTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("core-npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: directory) }

    func testRoundTripsFloat32AndFloat64() throws {
        for dtype in [DType.float32, .float64] {
            let t = Tensor.randn([3, 4, 2], dtype: dtype, generator: RandomGenerator(seed: 1))
            let url = directory.appendingPathComponent("t-\(dtype).npy")
            try t.save(npy: url)
            let back = try Tensor.load(npy: url)
            XCTAssertEqual(back.shape, t.shape)
            XCTAssertEqual(back.dtype, dtype)
            XCTAssertEqual(back.doubles, t.doubles)
        }
        let scalar = try NPY.decode(NPY.encode(Tensor(3.5, dtype: .float64)))
        XCTAssertEqual(scalar.shape, [])
        XCTAssertEqual(scalar.item(), 3.5)
        let vector = try NPY.decode(NPY.encode(Tensor([1, 2], shape: [2])))
        XCTAssertEqual(vector.shape, [2])
    }

    func testRoundTripsInt64Labels() throws {
        let labels = [0, 9, 3, -2, 1 << 40, 7]
        let url = directory.appendingPathComponent("labels.npy")
        try NPY.write(int64: labels, shape: [2, 3], to: url)
        let bytes = [UInt8](try Data(contentsOf: url))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }"))
        XCTAssertEqual(bytes.count, 10 + headerLength + 6 * 8)
        let back = try Tensor.load(npy: url)
        XCTAssertEqual(back.shape, [2, 3])
        XCTAssertEqual(back.doubles, labels.map(Double.init))
    }

    func testHeaderLayout() {
        let data = NPY.encode(Tensor.zeros([2, 3]))
        let bytes = [UInt8](data)
        XCTAssertEqual(Array(bytes[0..<8]), [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        XCTAssertEqual((10 + headerLength) % 64, 0)
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        XCTAssertTrue(header.hasSuffix("\n"))
        XCTAssertEqual(data.count, 10 + headerLength + 6 * 4)
    }

    /// Builds a version-1.0 file by hand as NumPy would write it.
    func handMade(descr: String, fortran: Bool = false, shape: String, payload: [UInt8]) -> Data {
        var dict = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
        dict += String(repeating: " ", count: (64 - (10 + dict.count + 1) % 64) % 64) + "\n"
        return Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(dict.utf8.count & 0xFF), UInt8(dict.utf8.count >> 8)] + Array(dict.utf8) + payload)
    }

    func testReadsInt64AsFloat64AndFortranOrder() throws {
        let ints: [Int64] = [3, -1, 7, 1 << 40]
        let payload = ints.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        let t = try NPY.decode(handMade(descr: "<i8", shape: "(2, 2)", payload: payload))
        XCTAssertEqual(t.dtype, .float64)
        XCTAssertEqual(t.doubles, [3, -1, 7, Double(1 << 40)])
        let floats: [Float] = [1, 2, 3, 4, 5, 6]    // Fortran order of [[1, 3, 5], [2, 4, 6]]
        let fp = floats.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
        let f = try NPY.decode(handMade(descr: "<f4", fortran: true, shape: "(2, 3)", payload: fp))
        XCTAssertEqual(f.shape, [2, 3])
        XCTAssertEqual(f.doubles, [1, 3, 5, 2, 4, 6])
    }

    func testErrorsNameTheFileAndReason() {
        XCTAssertThrowsError(try NPY.decode(Data([1, 2, 3]), path: "bad.npy")) { error in
            XCTAssertEqual("\(error)", "bad.npy: invalid .npy header: missing the \\x93NUMPY magic string")
        }
        XCTAssertThrowsError(try NPY.decode(handMade(descr: "<c16", shape: "(1,)", payload: []), path: "c.npy")) { error in
            XCTAssertTrue("\(error)".contains("unsupported dtype '<c16'"))
        }
        XCTAssertThrowsError(try NPY.decode(handMade(descr: "<f8", shape: "(4,)", payload: [0, 0]), path: "t.npy")) { error in
            XCTAssertTrue("\(error)".contains("data truncated"))
        }
        XCTAssertThrowsError(try Tensor.load(npy: directory.appendingPathComponent("missing.npy")))
    }

    func testIntegerArraysReadAsIntLabels() throws {
        let labels = [0, 9, 3, -2, 1 << 40, 7]
        let url = directory.appendingPathComponent("labels.npy")
        try NPY.write(int64: labels, shape: [6], to: url)
        XCTAssertEqual(try NPY.readLabels(from: url), labels)
        XCTAssertEqual(try NPY.readLabels(from: url.path), labels)
        // Narrow integer types NumPy writes for labels, little-endian.
        let int32: [Int32] = [4, -1, 2]
        let int32Bytes = int32.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        XCTAssertEqual(try NPY.decodeIntegers(handMade(descr: "<i4", shape: "(3,)", payload: int32Bytes)).values, [4, -1, 2])
        XCTAssertEqual(try NPY.decodeIntegers(handMade(descr: "|u1", shape: "(3,)", payload: [255, 0, 7])).values, [255, 0, 7])
        let uint16Bytes = [UInt16(65535), 1].flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        XCTAssertEqual(try NPY.decodeIntegers(handMade(descr: "<u2", shape: "(2,)", payload: uint16Bytes)).values, [65535, 1])
        // Fortran order is put into C order: storage [1, 2, 3, 4, 5, 6] of shape (2, 3) is [[1, 3, 5], [2, 4, 6]].
        let fortran = [Int64](1...6).flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        let matrix = try NPY.decodeIntegers(handMade(descr: "<i8", fortran: true, shape: "(2, 3)", payload: fortran))
        XCTAssertEqual(matrix.shape, [2, 3])
        XCTAssertEqual(matrix.values, [1, 3, 5, 2, 4, 6])
    }

    func testIntegerReadingRejectsFloatsMatricesAndOverflow() throws {
        XCTAssertThrowsError(try NPY.decodeIntegers(NPY.encode(Tensor([1, 2])), path: "f.npy")) { error in
            XCTAssertEqual("\(error)", "f.npy: holds float32 values, not integers (read it with Tensor.load(npy:))")
        }
        let url = directory.appendingPathComponent("matrix.npy")
        try NPY.write(int64: [1, 2, 3, 4], shape: [2, 2], to: url)
        XCTAssertThrowsError(try NPY.readLabels(from: url)) { error in
            XCTAssertTrue("\(error)".hasSuffix("labels must be a 1-D array, got shape [2, 2] (read it with NPY.readIntegers(from:))"))
        }
        XCTAssertEqual(try NPY.readIntegers(from: url).values, [1, 2, 3, 4])
        let huge = withUnsafeBytes(of: UInt64.max.littleEndian) { Array($0) }
        XCTAssertThrowsError(try NPY.decodeIntegers(handMade(descr: "<u8", shape: "(1,)", payload: huge), path: "u.npy")) { error in
            XCTAssertEqual("\(error)", "u.npy: value at index 0 does not fit in Int")
        }
    }

    func testLoadAndSaveTakePathStrings() throws {
        let path = directory.appendingPathComponent("t.npy").path
        let t = Tensor([1.5, -2, 3], dtype: .float64)
        try t.save(npy: path)
        let back = try Tensor.load(npy: path)
        XCTAssertEqual(back.shape, [3])
        XCTAssertEqual(back.dtype, .float64)
        XCTAssertEqual(back.doubles, [1.5, -2, 3])
        XCTAssertThrowsError(try Tensor.load(npy: directory.appendingPathComponent("missing.npy").path)) { error in
            XCTAssertTrue("\(error)".hasPrefix(self.directory.appendingPathComponent("missing.npy").path + ": cannot read .npy file"))
        }
    }
}
