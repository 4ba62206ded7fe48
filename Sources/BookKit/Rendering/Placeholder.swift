import Plot
import SwiftIDEUtils
import SwiftParser
import CCmarkGFM
