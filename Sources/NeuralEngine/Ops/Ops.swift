// Ops/: the differentiable operations on `Tensor`, each forward beside its backward.
//
// The rule: an op checks its shapes (trapping with the op name and the shapes), computes its values
// by calling a loop in Kernels/ (directly or through Core/TensorValues.swift), and records one graph
// node whose backward closure sits right below the forward code. Composites (softmax, variance,
// `standardize`) are built from primitives and record no backward of their own. Layers/ and Losses/
// call these ops and contain no loops over elements.
