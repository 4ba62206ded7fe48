// Ops/: the differentiable operations on `Tensor`, each forward beside its backward.
//
// The rule: an op checks its shapes (trapping with the op name and the shapes), computes its values
// by calling a loop in Kernels/ (directly or through Core/TensorValues.swift), and records one graph
// node whose backward closure sits right below the forward code. Composites (softmax, variance,
// `standardize`, `linear`) are built from primitives and record no backward of their own. The
// functional forms a PyTorch user knows from `torch.nn.functional` live here too (`conv2d`,
// `maxPool2d`, `batchNorm`, `layerNorm`, `groupNorm`, `instanceNorm`, `linear`); Layers/ hold
// parameters and call them, Losses/ compose them, and neither loops over elements. A few
// queries that return plain values and record nothing (comparisons, argmax, Statistics.swift)
// sit beside the ops they resemble.
