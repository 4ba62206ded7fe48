import XCTest
@testable import NeuralEngine

/// Programmer errors in the functional forms trap with the op name and the shapes (each case runs
/// in a child process, see `expectTrap`).
final class NormalizationTrapTests: XCTestCase {
    func testBatchNormRunningStatisticsOfTheWrongSize() throws {
        try expectTrap("batchNorm: running statistics need 3 values for input [4, 3], got mean [2] and variance [2]") {
            _ = batchNorm(Tensor.zeros([4, 3]), runningMean: Tensor.zeros([2]), runningVar: Tensor.ones([2]), training: true)
        }
    }

    func testBatchNormEvaluationWithoutRunningStatistics() throws {
        try expectTrap("batchNorm: evaluation (training: false) needs runningMean and runningVar [3]; input [4, 3, 2]") {
            _ = batchNorm(Tensor.zeros([4, 3, 2]), runningMean: nil, runningVar: nil)
        }
    }

    func testBatchNormTrainingOnOneValuePerChannel() throws {
        try expectTrap("batchNorm: training needs more than 1 value per channel, got input [1, 3]") {
            _ = batchNorm(Tensor.zeros([1, 3]), runningMean: nil, runningVar: nil, training: true)
        }
    }

    func testAffineParametersOfTheWrongSize() throws {
        try expectTrap("groupNorm: shapes [2, 4, 3] and [3] do not match (affine parameters need 4 float32 values)") {
            _ = groupNorm(Tensor.zeros([2, 4, 3]), numGroups: 2, weight: Tensor.ones([3]))
        }
    }

    func testGroupNormWithIndivisibleChannels() throws {
        try expectTrap("groupNorm: expected input [N, C, *] with C divisible by 4 groups, got [2, 6, 3]") {
            _ = groupNorm(Tensor.zeros([2, 6, 3]), numGroups: 4)
        }
    }

    func testLayerNormInputShape() throws {
        try expectTrap("layerNorm: shapes [2, 3, 4] and [3] do not match (trailing axes must equal normalizedShape)") {
            _ = layerNorm(Tensor.zeros([2, 3, 4]), normalizedShape: [3])
        }
    }

    func testLayerNormWeightShape() throws {
        try expectTrap("layerNorm: shapes [3, 4] and [12] do not match (weight must have shape normalizedShape)") {
            _ = layerNorm(Tensor.zeros([2, 3, 4]), normalizedShape: [3, 4], weight: Tensor.ones([12]))
        }
    }

    func testInstanceNormOnOneValuePerInstance() throws {
        try expectTrap("instanceNorm: needs more than 1 value per sample and channel, got input [2, 3, 1, 1]") {
            _ = instanceNorm(Tensor.zeros([2, 3, 1, 1]))
        }
    }

    func testLinearInputAndWeight() throws {
        try expectTrap("linear: shapes [5, 3] and [4, 2] do not match (expected input [..., in] and weight [out, in])") {
            _ = linear(Tensor.zeros([5, 3]), weight: Tensor.zeros([4, 2]))
        }
    }

    func testLinearBias() throws {
        try expectTrap("linear bias: shapes [4] and [3] do not match") {
            _ = linear(Tensor.zeros([5, 3]), weight: Tensor.zeros([4, 3]), bias: Tensor.zeros([3]))
        }
    }
}
