/// A light, flat HTML document tree built from libxml2's parse events by `HTMLParser`.
///
/// Nodes live in one array in document order (pre-order), so a parent's index is always smaller than its
/// children's: bottom-up sums are one reverse loop, and no walk ever needs recursion.
///
/// The nodes are the HTML reader's largest structure (about 1.5 per tag), so a node is kept to 40 bytes: one
/// string holds an element's name or a text node's text, and each node's last child (needed only to append)
/// lives beside the array while the tree is built.
struct HTMLDOM: Equatable {
    /// One element or text node.
    struct Node: Equatable {
        /// The lower-case tag name of an element, the text of a text node.
        fileprivate var value: String
        var parent: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        var attributeStart: Int32 = 0
        /// The element's attribute count; -1 marks a text node.
        fileprivate var attributes: Int32
        /// One past the last descendant (`finish()` sets it once the tree is built; 0 until then).
        var end: Int32 = 0

        var isText: Bool { attributes < 0 }
        /// Lower-case tag name for elements; empty for text.
        var name: String { isText ? "" : value }
        /// The text of a text node (character references decoded); empty for elements.
        var text: String {
            get { isText ? value : "" }
            set {
                assert(isText, "text set on an element")
                if isText { value = newValue }
            }
        }
        var attributeCount: Int32 { isText ? 0 : attributes }
    }

    var nodes: [Node] = []
    /// Each node's tag (`.text` for text nodes), beside `nodes`.
    var tags: [HTMLTag] = []
    var attributeNames: [String] = []
    /// Each attribute's kind, beside `attributeNames`.
    var attributeKinds: [HTMLAttribute] = []
    var attributeValues: [String] = []
    /// Each node's last child while the tree is built; `finish()` releases it.
    private var lastChildren: [Int32] = []

    /// The index of the root element (`html`), or -1 for an empty document.
    var root: Int { nodes.isEmpty ? -1 : 0 }

    /// Room for `count` nodes without growing the arrays.
    mutating func reserveCapacity(_ count: Int) {
        nodes.reserveCapacity(count)
        tags.reserveCapacity(count)
        lastChildren.reserveCapacity(count)
    }

    /// Appends a node under `parent` (-1 for the root) and returns its index: an element when `name` is not
    /// empty, else a text node holding `text`. `tag` is the element's `HTMLTag(name:)` when the caller knows it.
    @discardableResult
    mutating func append(name: String, text: String, parent: Int, tag: HTMLTag? = nil) -> Int {
        let index = nodes.count
        let isText = name.isEmpty
        nodes.append(Node(value: isText ? text : name, parent: Int32(parent), attributeStart: Int32(attributeNames.count),
                          attributes: isText ? -1 : 0))
        tags.append(isText ? .text : tag ?? HTMLTag(name: name))
        lastChildren.append(-1)
        if parent >= 0 {
            let last = Int(lastChildren[parent])
            if last >= 0 { nodes[last].nextSibling = Int32(index) } else { nodes[parent].firstChild = Int32(index) }
            lastChildren[parent] = Int32(index)
        }
        return index
    }

    /// Adds an attribute to the element appended last; `kind` is `HTMLAttribute(name:)` when the caller knows it.
    mutating func appendAttribute(name: String, value: String, kind: HTMLAttribute? = nil) {
        attributeNames.append(name)
        attributeKinds.append(kind ?? HTMLAttribute(name: name))
        attributeValues.append(value)
        nodes[nodes.count - 1].attributes += 1
    }

    /// The value of attribute `name` (lower case) on node `index`.
    func attribute(_ name: String, of index: Int) -> String? {
        var i = Int(nodes[index].attributeStart)
        let end = i + Int(nodes[index].attributeCount)
        while i < end {
            if attributeNames[i] == name { return attributeValues[i] }
            i += 1
        }
        return nil
    }

    /// The value of the attribute of kind `kind` (not `.other`) on node `index`: `attribute(_:of:)` by kind.
    func attribute(_ kind: HTMLAttribute, of index: Int) -> String? {
        var i = Int(nodes[index].attributeStart)
        let end = i + Int(nodes[index].attributeCount)
        while i < end {
            if attributeKinds[i] == kind { return attributeValues[i] }
            i += 1
        }
        return nil
    }

    /// The children of node `index`, in order.
    func children(of index: Int) -> ChildSequence { ChildSequence(nodes: nodes, first: Int(nodes[index].firstChild)) }

    /// Holds the node array alone (a copy of the whole DOM is a retain of each of its arrays).
    struct ChildSequence: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int
        init(nodes: [Node], first: Int) { self.nodes = nodes; self.cursor = first }
        mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let current = cursor
            cursor = Int(nodes[current].nextSibling)
            return current
        }
    }

    /// Records each node's subtree end in one pass (parents come before their children), so that
    /// `subtreeEnd` costs O(1) instead of a climb through the ancestors: on deeply nested pages the
    /// per-node walks of the readers were quadratic. The parser calls it when the tree is complete.
    mutating func finish() {
        lastChildren = []
        let n = Int32(nodes.count)
        for i in nodes.indices {
            let node = nodes[i]
            nodes[i].end = node.nextSibling >= 0 ? node.nextSibling : node.parent >= 0 ? nodes[Int(node.parent)].end : n
        }
    }

    /// The index one past the last descendant of `index` (descendants are a contiguous range).
    func subtreeEnd(_ index: Int) -> Int {
        let end = nodes[index].end
        if end > 0 { return Int(end) }
        var i = index
        while i >= 0 {
            let sibling = Int(nodes[i].nextSibling)
            if sibling >= 0 { return sibling }
            i = Int(nodes[i].parent)
        }
        return nodes.count
    }

    /// The first element tagged `tag` (not `.other` or `.text`) in document order at or below `start`.
    func first(_ tag: HTMLTag, under start: Int = 0) -> Int? {
        guard !nodes.isEmpty else { return nil }
        let end = subtreeEnd(start)
        var i = start
        while i < end {
            if tags[i] == tag { return i }
            i += 1
        }
        return nil
    }

    /// The raw text content of a subtree (text nodes concatenated, nothing collapsed); with `maxNodes`, of
    /// its first nodes only (a bounded read for checks made on every element of a page).
    func textContent(_ index: Int, maxNodes: Int = Int.max) -> String {
        var out = ""
        let end = min(subtreeEnd(index), index + min(maxNodes, nodes.count))
        var i = index
        while i < end {
            if nodes[i].isText { out += nodes[i].text }
            i += 1
        }
        return out
    }
}
