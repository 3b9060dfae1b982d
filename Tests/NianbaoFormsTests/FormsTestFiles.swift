import Foundation
import NianbaoTestSupport

/// The files of `Tests/NianbaoFormsTests/Documents` (made by the scripts beside them) and the
/// real reports they were made from.
enum FormsTestFiles {
  static let documents = TestPaths.repository.appendingPathComponent("Tests/NianbaoFormsTests/Documents")

  static func bytes(_ name: String) -> [UInt8] {
    guard let data = try? Data(contentsOf: documents.appendingPathComponent(name)) else {
      fatalError("missing test file Documents/\(name)")
    }
    return Array(data)
  }

  static func realReport(_ name: String) -> [UInt8] {
    Array(try! Data(contentsOf: TestPaths.repository.appendingPathComponent("Tests/RealReports/\(name)")))
  }

  /// The report the deflate streams were made from.
  static let deflatedReport = realReport("21_putian_yingji_dept_2023.txt")
}
