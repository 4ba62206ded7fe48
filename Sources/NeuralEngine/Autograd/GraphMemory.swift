/// How much memory a recorded graph keeps alive, so a chapter can measure activation memory
/// (for example how it grows with the batch size) instead of computing it from shapes by hand.
extension Tensor {
    /// Bytes of the tensor values held by the graph recorded behind this tensor: the output of every
    /// operation on the way here and every input those operations keep for their backward pass,
    /// each tensor counted once. Leaves that require gradients (parameters) are not counted: they
    /// exist whether or not a graph is recorded. Zero when nothing was recorded (`noGrad`, or no input
    /// requires gradients).
    ///
    /// A lower bound on what training holds: buffers an operation keeps only inside its backward
    /// closure (a dropout mask, a convolution's im2col columns) are not graph nodes and are not counted.
    public var graphActivationBytes: Int {
        guard requiresGrad, !isLeaf else { return 0 }
        var seen = Set<ObjectIdentifier>()
        var bytes = 0
        for node in topologicalOrder() where !node.isLeaf {
            for tensor in [node] + node.parents where !(tensor.isLeaf && tensor.requiresGrad) {
                if seen.insert(ObjectIdentifier(tensor)).inserted {
                    bytes += tensor.count * tensor.dtype.byteSize
                }
            }
        }
        return bytes
    }
}
