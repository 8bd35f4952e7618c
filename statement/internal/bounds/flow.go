package bounds

import "fmt"

// network chooses the equations of p that form a network: each variable
// in at most two of them, with opposite signs once the equations that
// negate says are negated. It takes the equations that are not late
// first, each in order, and leaves out one that would break the rule. It
// reports whether every active equation is in.
func network(p *problem) (in, negate []bool, all bool) {
	ne := p.equations()
	in, negate = make([]bool, ne), make([]bool, ne)
	count := make([]uint8, len(p.box))
	first := make([]int32, len(p.box)) // per variable: the equation it is first in
	firstSign := make([]int64, len(p.box))
	uf := newUnionFind(ne)
	// The parity each new equation must have against a root, marked with
	// the equation's number, so that checking its terms takes one step
	// each.
	mark := make([]int32, ne)
	want := make([]bool, ne)
	type need struct {
		root int32
		odd  bool
	}
	var needs []need
	all = true
	for pass := range 2 {
		for e := range ne {
			late := p.late != nil && p.late[e]
			if !p.active[e] || late != (pass == 1) {
				continue
			}
			needs = needs[:0]
			ok := true
			for _, t := range p.eq(int32(e)) {
				switch count[t.Var] {
				case 0:
					continue
				case 1:
					// Signs alike: the equations must be taken opposite.
					r, pa := uf.find(first[t.Var])
					odd := pa != (firstSign[t.Var] == t.sign())
					if mark[r] == int32(e)+1 && want[r] != odd {
						ok = false
					}
					mark[r], want[r] = int32(e)+1, odd
					needs = append(needs, need{r, odd})
				default:
					ok = false
				}
				if !ok {
					break
				}
			}
			if !ok {
				all = false
				continue
			}
			in[e] = true
			for _, n := range needs {
				// e is alone in its set: its parity against n.root is n.odd.
				uf.union(int32(e), n.root, n.odd)
			}
			for _, t := range p.eq(int32(e)) {
				if count[t.Var] == 0 {
					first[t.Var], firstSign[t.Var] = int32(e), t.sign()
				}
				count[t.Var]++
			}
		}
	}
	for e := range ne {
		_, negate[e] = uf.find(int32(e))
	}
	return in, negate, all
}

// errOverflow reports bounds of a cycle whose sum leaves the int64 range.
var errOverflow = fmt.Errorf("%w: a sum of bounds in a cycle", ErrRange)

// infCap is the capacity of an arc without one.
const infCap = PosInf

// A flowNet is a directed graph with arc capacities, for Dinitz's maximum
// flow. Arcs come in pairs: arc a and its reverse a^1.
type flowNet struct {
	head        []int32 // per node: its first arc, -1 for none
	next, to    []int32 // per arc
	cap         []int64 // per arc: what it can still carry
	level, iter []int32
	queue       []int32
}

func newFlowNet(nodes, arcs int) *flowNet {
	g := &flowNet{head: make([]int32, nodes), next: make([]int32, 0, 2*arcs), to: make([]int32, 0, 2*arcs),
		cap: make([]int64, 0, 2*arcs), level: make([]int32, nodes), iter: make([]int32, nodes)}
	for i := range g.head {
		g.head[i] = -1
	}
	return g
}

// arc adds an arc from u to v of capacity c and returns it.
func (g *flowNet) arc(u, v int32, c int64) int32 {
	a := int32(len(g.to))
	g.to = append(g.to, v, u)
	g.cap = append(g.cap, c, 0)
	g.next = append(g.next, g.head[u], g.head[v])
	g.head[u], g.head[v] = a, a+1
	return a
}

// flow returns what arc a carries.
func (g *flowNet) flow(a int32) int64 { return g.cap[a^1] }

func (g *flowNet) push(a int32, f int64) {
	if g.cap[a] != infCap {
		g.cap[a] -= f
	}
	if g.cap[a^1] != infCap {
		g.cap[a^1] += f
	}
}

// maxFlow sends as much flow as it can from s to t, at most limit.
func (g *flowNet) maxFlow(s, t int32, limit int64) int64 {
	var total int64
	for total < limit && g.levels(s, t) {
		copy(g.iter, g.head)
		for total < limit {
			f := g.augment(s, t, limit-total)
			if f == 0 {
				break
			}
			total += f
		}
	}
	return total
}

// levels numbers the nodes by their distance from s over arcs with
// capacity left, and reports whether t is reached.
func (g *flowNet) levels(s, t int32) bool {
	for i := range g.level {
		g.level[i] = -1
	}
	g.level[s] = 0
	g.queue = append(g.queue[:0], s)
	for k := 0; k < len(g.queue); k++ {
		u := g.queue[k]
		for a := g.head[u]; a >= 0; a = g.next[a] {
			if v := g.to[a]; g.cap[a] > 0 && g.level[v] < 0 {
				g.level[v] = g.level[u] + 1
				g.queue = append(g.queue, v)
			}
		}
	}
	return g.level[t] >= 0
}

// augment pushes up to f from u to t along arcs that go one level up,
// and returns what it pushed.
func (g *flowNet) augment(u, t int32, f int64) int64 {
	if u == t {
		return f
	}
	var pushed int64
	for ; g.iter[u] >= 0; g.iter[u] = g.next[g.iter[u]] {
		a := g.iter[u]
		v := g.to[a]
		if g.cap[a] <= 0 || g.level[v] != g.level[u]+1 {
			continue
		}
		if d := g.augment(v, t, min(f-pushed, g.cap[a])); d > 0 {
			g.push(a, d)
			if pushed += d; pushed == f {
				return pushed
			}
		}
	}
	return pushed
}

// reached returns the nodes that s reaches over arcs with capacity left:
// after a maximum flow, the source side of a minimum cut.
func (g *flowNet) reached(s int32) []bool {
	seen := make([]bool, len(g.head))
	seen[s] = true
	g.queue = append(g.queue[:0], s)
	for k := 0; k < len(g.queue); k++ {
		u := g.queue[k]
		for a := g.head[u]; a >= 0; a = g.next[a] {
			if v := g.to[a]; g.cap[a] > 0 && !seen[v] {
				seen[v] = true
				g.queue = append(g.queue, v)
			}
		}
	}
	return seen
}

// A carrier says how arcs of a flowNet carry a variable: x = base + the
// flow of arc, negated when minus; with twin ≥ 0, x is the flow of arc
// less that of twin.
type carrier struct {
	arc, twin int32
	base      int64
	minus     bool
}

// A circuit is the circulation of the equations of a problem that form a
// network: the equations are nodes, a variable in two of them an arc from
// the one it has coefficient +1 in to the other, and a variable in one an
// arc between it and a ground node. Each arc carries its variable less
// its lower bound, which instead moves from one node's excess to the
// other's; a source feeds the nodes with excess and a sink drains those
// short, so the circulation exists when a maximum flow saturates them.
type circuit struct {
	p                *problem
	in, negate       []bool  // per equation: in the network, and negated
	node             []int32 // per equation: its node, -1 outside
	ground, src, snk int32
	g                *flowNet
	excess           []int64 // per node and the ground
	carriers         []carrier
	known            []bool // per variable: carried by the network
	need             int64  // the flow that saturates the source
}

// circulation decides the equations of p that in says, negated as negate
// says, as a circuit. It returns the values of the variables that the
// chosen equations name (known[v]), or the equations of a violated cut
// with their multipliers.
func circulation(p *problem, in, negate []bool) (values []int64, known []bool, cut map[int32]int64, err error) {
	c := &circuit{p: p, in: in, negate: negate}
	if err := c.build(); err != nil {
		return nil, nil, nil, err
	}
	if c.g.maxFlow(c.src, c.snk, c.need) == c.need {
		return c.values(), c.known, nil, nil
	}
	return nil, nil, c.cut(), nil
}

// build makes the nodes, the arcs of the variables and those of the
// source and the sink.
func (c *circuit) build() error {
	p := c.p
	ne, nv := p.equations(), len(p.box)
	c.node = make([]int32, ne)
	nodes := int32(0)
	for e := range ne {
		c.node[e] = -1
		if c.in[e] {
			c.node[e] = nodes
			nodes++
		}
	}
	c.ground, c.src, c.snk = nodes, nodes+1, nodes+2
	c.g = newFlowNet(int(nodes)+3, nv+int(nodes))
	c.excess = make([]int64, nodes+1)
	c.carriers = make([]carrier, nv)
	c.known = make([]bool, nv)
	for v := range nv {
		if !c.carry(int32(v)) {
			return errOverflow
		}
	}
	for n, x := range c.excess {
		switch {
		case x > 0:
			c.g.arc(c.src, int32(n), x)
			var ok bool
			if c.need, ok = add(c.need, x); !ok {
				return errOverflow
			}
		case x < 0:
			c.g.arc(int32(n), c.snk, -x)
		}
	}
	return nil
}

// carry adds the arcs of variable v, if a chosen equation names it, and
// reports false if a sum of bounds overflows.
func (c *circuit) carry(v int32) bool {
	from, to := c.ground, c.ground
	ends := 0
	for k, e := range c.p.equationsOf(v) {
		if !c.in[e] {
			continue
		}
		sign := c.p.termOf(v, k).sign()
		if c.negate[e] {
			sign = -sign
		}
		if sign > 0 {
			from = c.node[e]
		} else {
			to = c.node[e]
		}
		ends++
	}
	if ends == 0 {
		return true
	}
	c.known[v] = true
	g, iv := c.g, c.p.box[v]
	switch {
	case iv.Lo == NegInf && iv.Hi == PosInf:
		c.carriers[v] = carrier{arc: g.arc(from, to, infCap), twin: g.arc(to, from, infCap)}
		return true
	case iv.Lo == NegInf:
		// −x runs the other way from −Hi up.
		c.carriers[v] = carrier{arc: g.arc(to, from, infCap), twin: -1, base: -iv.Hi, minus: true}
		return shift(c.excess, from, to, -iv.Hi)
	}
	capacity := infCap
	if w, ok := sub(iv.Hi, iv.Lo); ok && iv.Hi != PosInf {
		capacity = w
	}
	c.carriers[v] = carrier{arc: g.arc(from, to, capacity), twin: -1, base: iv.Lo}
	return shift(c.excess, to, from, iv.Lo)
}

// values returns what the flow gives each variable the network carries.
func (c *circuit) values() []int64 {
	values := make([]int64, len(c.p.box))
	for v, cr := range c.carriers {
		if !c.known[v] {
			continue
		}
		f := c.g.flow(cr.arc)
		switch {
		case cr.twin >= 0:
			values[v] = f - c.g.flow(cr.twin)
		case cr.minus:
			values[v] = -(cr.base + f)
		default:
			values[v] = cr.base + f
		}
	}
	return values
}

// cut returns, after a maximum flow that does not saturate the source,
// the equations of the nodes the source still reaches, which violate
// Hoffman's condition: what must enter them exceeds what may leave. Each
// taken as it is in the network, they add up to (what leaves) − (what
// enters) = 0, whose interval lies below zero. With the ground among them,
// the equations outside, negated, add up to the same.
func (c *circuit) cut() map[int32]int64 {
	seen := c.g.reached(c.src)
	cut := map[int32]int64{}
	for e, n := range c.node {
		if n < 0 || seen[n] == seen[c.ground] {
			continue
		}
		times := int64(1)
		if c.negate[e] != seen[c.ground] {
			times = -1
		}
		cut[int32(e)] = times
	}
	return cut
}

// shift moves a lower bound l of a variable carried from a node to
// another: the node it enters has l more, the one it leaves l less.
func shift(excess []int64, enter, leave int32, l int64) bool {
	var ok1, ok2 bool
	excess[enter], ok1 = add(excess[enter], l)
	excess[leave], ok2 = sub(excess[leave], l)
	return ok1 && ok2
}
