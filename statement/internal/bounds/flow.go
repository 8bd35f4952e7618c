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

// circulation decides the equations of p that in says, negated as negate
// says, as a circulation: the equations are nodes, a variable in two of
// them an arc from the one it has coefficient +1 in to the other, and a
// variable in one an arc between it and a ground node. It returns the
// values of the variables that the chosen equations name (known[v]), or
// the equations of a violated cut with their multipliers.
func circulation(p *problem, in, negate []bool) (values []int64, known []bool, cut map[int32]int64, err error) {
	ne, nv := p.equations(), len(p.box)
	node := make([]int32, ne)
	nodes := int32(0)
	for e := range ne {
		node[e] = -1
		if in[e] {
			node[e] = nodes
			nodes++
		}
	}
	ground, src, sink := nodes, nodes+1, nodes+2
	g := newFlowNet(int(nodes)+3, nv+int(nodes))
	excess := make([]int64, nodes+1)
	carriers := make([]carrier, nv)
	known = make([]bool, nv)
	for v := range nv {
		from, to := ground, ground
		var ends int
		for k, e := range p.equationsOf(int32(v)) {
			if !in[e] {
				continue
			}
			sign := p.termOf(int32(v), k).sign()
			if negate[e] {
				sign = -sign
			}
			if sign > 0 {
				from = node[e]
			} else {
				to = node[e]
			}
			ends++
		}
		if ends == 0 {
			continue
		}
		known[v] = true
		iv := p.box[v]
		switch {
		case iv.Lo == NegInf && iv.Hi == PosInf:
			carriers[v] = carrier{arc: g.arc(from, to, infCap), twin: g.arc(to, from, infCap)}
		case iv.Lo == NegInf:
			// −x runs the other way from −Hi up.
			carriers[v] = carrier{arc: g.arc(to, from, infCap), twin: -1, base: -iv.Hi, minus: true}
			if !shift(excess, from, to, -iv.Hi) {
				return nil, nil, nil, errOverflow
			}
		default:
			c := infCap
			if w, ok := sub(iv.Hi, iv.Lo); ok && iv.Hi != PosInf {
				c = w
			}
			carriers[v] = carrier{arc: g.arc(from, to, c), twin: -1, base: iv.Lo}
			if !shift(excess, to, from, iv.Lo) {
				return nil, nil, nil, errOverflow
			}
		}
	}
	var need int64
	for n, x := range excess[:nodes+1] {
		switch {
		case x > 0:
			g.arc(src, int32(n), x)
			var ok bool
			if need, ok = add(need, x); !ok {
				return nil, nil, nil, errOverflow
			}
		case x < 0:
			g.arc(int32(n), sink, -x)
		}
	}
	if g.maxFlow(src, sink, need) == need {
		values = make([]int64, nv)
		for v, c := range carriers {
			if !known[v] {
				continue
			}
			f := g.flow(c.arc)
			switch {
			case c.twin >= 0:
				values[v] = f - g.flow(c.twin)
			case c.minus:
				values[v] = -(c.base + f)
			default:
				values[v] = c.base + f
			}
		}
		return values, known, nil, nil
	}
	// The nodes the source still reaches violate Hoffman's condition:
	// what must enter them exceeds what may leave. Their equations, each
	// as taken, add up to (what leaves) − (what enters) = 0, whose
	// interval lies below zero. With the ground among them, the
	// equations outside, negated, add up to the same.
	seen := g.reached(src)
	cut = map[int32]int64{}
	for e := range ne {
		if !in[e] || seen[node[e]] == seen[ground] {
			continue
		}
		times := int64(1)
		if negate[e] != seen[ground] {
			times = -1
		}
		cut[int32(e)] = times
	}
	return nil, nil, cut, nil
}

// shift moves a lower bound l of a variable carried from a node to
// another: the node it enters has l more, the one it leaves l less.
func shift(excess []int64, enter, leave int32, l int64) bool {
	var ok1, ok2 bool
	excess[enter], ok1 = add(excess[enter], l)
	excess[leave], ok2 = sub(excess[leave], l)
	return ok1 && ok2
}
