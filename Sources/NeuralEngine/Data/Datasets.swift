import Foundation

/// Loaders for the real data sets the book uses. All return float32 features.
public enum Datasets {
    /// UCI optical digits (Alpaydin & Kaynak 1998): 1797 images of 8×8 pixels with values 0..16,
    /// labels 0..9. Features `[1797, 64]`, divided by 16 into [0, 1] when `scaled` (reshape to
    /// `[N, 1, 8, 8]` for convolutions). Reads `data/digits.csv.gz` unless `url` is given.
    public static func digits(scaled: Bool = true, url: URL? = nil) throws -> Dataset {
        let file = try DataFiles.url("digits.csv.gz", explicit: url)
        let rows = try CSV.parse(try DataFiles.readText(file), path: file.path, skipHeader: false)
        let data = try CSV.featuresAndLabels(rows, featureCount: 64, path: file.path, firstLine: 1)
        let features = scaled ? data.features.map { $0 / 16 } : data.features
        return Dataset(features: Tensor(features, shape: [data.labels.count, 64], dtype: .float32),
                       labels: data.labels, classNames: (0...9).map(String.init))
    }

    /// UCI wine (Forina et al. 1991): 178 wines, 13 chemical measurements (unscaled: standardize them),
    /// 3 cultivars. Reads `data/wine_data.csv` (header `178,13,class_0,class_1,class_2`) unless `url` is given.
    public static func wine(url: URL? = nil) throws -> Dataset {
        let file = try DataFiles.url("wine_data.csv", explicit: url)
        let text = try DataFiles.readText(file)
        let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        guard header.count >= 3, Int(header[0]) != nil, Int(header[1]) == 13 else {
            throw DataError(path: file.path, line: 1, reason: "expected header `178,13,class_0,...`, got `\(header.joined(separator: ","))`")
        }
        let rows = try CSV.parse(text, path: file.path, skipHeader: true)
        let data = try CSV.featuresAndLabels(rows, featureCount: 13, path: file.path, firstLine: 2)
        return Dataset(features: Tensor(data.features, shape: [data.labels.count, 13], dtype: .float32),
                       labels: data.labels, classNames: Array(header.dropFirst(2)))
    }
}

/// Minimal numeric CSV reading for the shipped files (no quoting needed).
enum CSV {
    /// Non-empty lines split on commas and parsed as Double; errors name file and line.
    static func parse(_ text: String, path: String, skipHeader: Bool) throws -> [(line: Int, values: [Double])] {
        var rows: [(Int, [Double])] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if skipHeader && i == 0 { continue }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            var values: [Double] = []
            for field in trimmed.split(separator: ",") {
                guard let v = Double(field.trimmingCharacters(in: .whitespaces)) else {
                    throw DataError(path: path, line: i + 1, reason: "`\(field)` is not a number")
                }
                values.append(v)
            }
            rows.append((i + 1, values))
        }
        return rows
    }

    /// Splits rows of `featureCount` values plus a trailing integer label.
    static func featuresAndLabels(_ rows: [(line: Int, values: [Double])], featureCount: Int, path: String,
                                  firstLine: Int) throws -> (features: [Double], labels: [Int]) {
        var features: [Double] = []
        features.reserveCapacity(rows.count * featureCount)
        var labels: [Int] = []
        for row in rows {
            guard row.values.count == featureCount + 1 else {
                throw DataError(path: path, line: row.line, reason: "expected \(featureCount + 1) columns, found \(row.values.count)")
            }
            guard let label = Int(exactly: row.values[featureCount]), label >= 0 else {
                throw DataError(path: path, line: row.line, reason: "label \(row.values[featureCount]) is not a class index")
            }
            features.append(contentsOf: row.values[0..<featureCount])
            labels.append(label)
        }
        return (features, labels)
    }
}
