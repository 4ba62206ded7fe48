// Kernels/: the loops that touch tensor memory, and the threads that run them.
//
// The rule: a kernel works on raw buffers (`[Float]`, `[Double]`, `UnsafePointer<T>`) and plain
// integers; it never sees a `Tensor` and never records a graph node. Every loop that computes an
// operation's values or gradients, or an optimizer's update, lives here, whatever it belongs to:
//
//   GEMM*, MatmulKernel            matrix products (packed panels, SIMD register tiles, batches)
//   Im2Col, Im2ColShift, ConvKernel   convolution as im2col + GEMM, forward and backward
//   NormalizationKernel, RowKernels   every normalization's statistics, x̂, y and gradients
//   PoolKernel                     max, average and global-average pooling and their adjoints
//   CrossEntropyKernel             fused softmax cross-entropy rows
//   ElementwiseKernels, UnaryKernels, FastMath, ScalarFunctions   element-wise maps and zips
//   ReduceKernels, StridedLoop, BlockCopy, RowGather   reductions, broadcasts, permutes, slices, gathers
//   UpdateRules                    the optimizers' per-element update formulas
//   Parallel, WorkerPool           data-parallel chunks whose boundaries never depend on the thread count
//
// The differentiable operation that calls a kernel lives in Ops/ (its forward beside its backward);
// Core/TensorValues.swift unwraps a tensor's storage for the element-wise and reduction kernels.
// Data/ and IO/ keep their own plain loops: they decode and augment inputs, they are not operations.
