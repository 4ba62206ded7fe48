import Foundation
import Testing
@testable import NeuralEngine

/// Programmer errors in the functional forms trap with the op name and the shapes. Each case is a
/// Swift Testing exit test: it runs in a child process, and the test reads what the trap printed.
@Suite struct NormalizationTrapTests {
    private func stderr(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func batchNormRunningStatisticsOfTheWrongSize() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = batchNorm(Tensor.zeros([4, 3]), runningMean: Tensor.zeros([2]), runningVar: Tensor.ones([2]), training: true)
        }
        #expect(stderr(result).contains("batchNorm: running statistics need 3 values for input [4, 3], got mean [2] and variance [2]"))
    }

    @Test func batchNormEvaluationWithoutRunningStatistics() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = batchNorm(Tensor.zeros([4, 3, 2]), runningMean: nil, runningVar: nil)
        }
        #expect(stderr(result).contains("batchNorm: evaluation (training: false) needs runningMean and runningVar [3]; input [4, 3, 2]"))
    }

    @Test func batchNormTrainingOnOneValuePerChannel() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = batchNorm(Tensor.zeros([1, 3]), runningMean: nil, runningVar: nil, training: true)
        }
        #expect(stderr(result).contains("batchNorm: training needs more than 1 value per channel, got input [1, 3]"))
    }

    @Test func affineParametersOfTheWrongSize() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = groupNorm(Tensor.zeros([2, 4, 3]), numGroups: 2, weight: Tensor.ones([3]))
        }
        #expect(stderr(result).contains("groupNorm: shapes [2, 4, 3] and [3] do not match (affine parameters need 4 float32 values)"))
    }

    @Test func groupNormWithIndivisibleChannels() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = groupNorm(Tensor.zeros([2, 6, 3]), numGroups: 4)
        }
        #expect(stderr(result).contains("groupNorm: expected input [N, C, *] with C divisible by 4 groups, got [2, 6, 3]"))
    }

    @Test func layerNormShapes() async {
        let input = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = layerNorm(Tensor.zeros([2, 3, 4]), normalizedShape: [3])
        }
        #expect(stderr(input).contains("layerNorm: shapes [2, 3, 4] and [3] do not match (trailing axes must equal normalizedShape)"))
        let weight = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = layerNorm(Tensor.zeros([2, 3, 4]), normalizedShape: [3, 4], weight: Tensor.ones([12]))
        }
        #expect(stderr(weight).contains("layerNorm: shapes [3, 4] and [12] do not match (weight must have shape normalizedShape)"))
    }

    @Test func instanceNormOnOneValuePerInstance() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = instanceNorm(Tensor.zeros([2, 3, 1, 1]))
        }
        #expect(stderr(result).contains("instanceNorm: needs more than 1 value per sample and channel, got input [2, 3, 1, 1]"))
    }

    @Test func linearShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = linear(Tensor.zeros([5, 3]), weight: Tensor.zeros([4, 2]))
        }
        #expect(stderr(result).contains("linear: shapes [5, 3] and [4, 2] do not match (expected input [..., in] and weight [out, in])"))
        let bias = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = linear(Tensor.zeros([5, 3]), weight: Tensor.zeros([4, 3]), bias: Tensor.zeros([3]))
        }
        #expect(stderr(bias).contains("linear bias: shapes [4] and [3] do not match"))
    }
}
