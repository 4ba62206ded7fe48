/// Reports training progress (`progress(epoch, of: epochs)`): shown live in the terminal while the
/// chapter runs, as `... epoch 7/20 ...`; never written into the page, so pages stay identical.
public func progress(_ step: Int, of total: Int, _ label: String = "epoch") {
    _BookSession.emit(.progress(step: step, total: total, label: label))
}
