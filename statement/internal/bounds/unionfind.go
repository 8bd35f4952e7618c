package bounds

// A unionFind joins elements into sets, and keeps for each element its
// parity against its set's root: whether it is known to be opposite to it.
// Components use it without parities; the choice of the equations that
// form a network uses the parities, an equation's parity saying whether it
// is negated.
type unionFind struct {
	parent []int32
	odd    []bool // the parity against parent
}

func newUnionFind(n int) unionFind {
	var u unionFind
	u.reset(n)
	return u
}

// reset makes u n elements each in a set of its own, in the arrays u has.
func (u *unionFind) reset(n int) {
	u.parent, u.odd = zeroed(u.parent, n), zeroed(u.odd, n)
	for i := range u.parent {
		u.parent[i] = int32(i)
	}
}

// find returns x's root and x's parity against it, compressing the path.
func (u *unionFind) find(x int32) (int32, bool) {
	root, odd := x, false
	for u.parent[root] != root {
		odd = odd != u.odd[root]
		root = u.parent[root]
	}
	// Point every element of the path at the root, with its own parity.
	result := odd
	for x != root && u.parent[x] != root {
		next, nextOdd := u.parent[x], odd != u.odd[x]
		u.parent[x], u.odd[x] = root, odd
		x, odd = next, nextOdd
	}
	return root, result
}

// union joins the sets of a and b so that their parities differ when odd
// is true. It reports false, changing nothing, when they are already
// joined the other way.
func (u *unionFind) union(a, b int32, odd bool) bool {
	ra, pa := u.find(a)
	rb, pb := u.find(b)
	if ra == rb {
		return pa != pb == odd
	}
	u.parent[ra], u.odd[ra] = rb, pa != pb != odd
	return true
}

// join joins the sets of a and b, whatever their parities.
func (u *unionFind) join(a, b int32) {
	ra, pa := u.find(a)
	rb, pb := u.find(b)
	if ra != rb {
		u.parent[ra], u.odd[ra] = rb, pa != pb
	}
}

// root returns x's root.
func (u *unionFind) root(x int32) int32 {
	r, _ := u.find(x)
	return r
}
