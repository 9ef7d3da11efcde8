//! Executes parsed trees with Go text/template semantics: variable scoping, field chains with
//! missing-key handling, Go's nil/"no value" distinction, builtins and error messages.

use std::sync::Arc;

use crate::funcs::{FuncContext, FuncError, Host};
use crate::gofmt::{self, quote};
use crate::parse::{Arg, Branch, Node, Pipe, Tree};
use crate::{Error, ErrorKind, Func, MissingKey, NameMap, Template, Value};

/// Go's builtin template functions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Builtin {
    And,
    Call,
    Html,
    Index,
    Slice,
    Js,
    Len,
    Not,
    Or,
    Print,
    Printf,
    Println,
    Urlquery,
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
    Ne,
}

impl Builtin {
    fn from_name(name: &str) -> Option<Builtin> {
        use Builtin::*;
        Some(match name {
            "and" => And,
            "call" => Call,
            "html" => Html,
            "index" => Index,
            "slice" => Slice,
            "js" => Js,
            "len" => Len,
            "not" => Not,
            "or" => Or,
            "print" => Print,
            "printf" => Printf,
            "println" => Println,
            "urlquery" => Urlquery,
            "eq" => Eq,
            "ge" => Ge,
            "gt" => Gt,
            "le" => Le,
            "lt" => Lt,
            "ne" => Ne,
            _ => return None,
        })
    }
}

/// Whether `name` is one of Go's builtin template functions.
pub(crate) fn is_builtin(name: &str) -> bool {
    Builtin::from_name(name).is_some()
}

/// A value during execution, keeping Go's reflect distinctions: no value at all (`Invalid`), a
/// concrete value, or a value still wrapped in an `interface{}` (map/list elements; a nil one is
/// a nil interface, which errors on field access where `Invalid` does not).
#[derive(Clone)]
enum Ev {
    Invalid,
    Val(Value),
    Boxed(Value),
}

impl Ev {
    fn of(v: Value) -> Ev {
        match v {
            Value::Nil => Ev::Invalid,
            v => Ev::Val(v),
        }
    }
    /// Go's "dig down one level" of pipeline results.
    fn dig(self) -> Ev {
        match self {
            Ev::Boxed(v) => Ev::of(v),
            Ev::Val(Value::Nil) => Ev::Invalid,
            o => o,
        }
    }
    fn into_value(self) -> Value {
        match self {
            Ev::Invalid => Value::Nil,
            Ev::Val(v) | Ev::Boxed(v) => v,
        }
    }
    fn value(&self) -> Value {
        match self {
            Ev::Invalid => Value::Nil,
            Ev::Val(v) | Ev::Boxed(v) => v.clone(),
        }
    }
    fn inner(&self) -> Option<&Value> {
        match self {
            Ev::Invalid | Ev::Val(Value::Nil) | Ev::Boxed(Value::Nil) => None,
            Ev::Val(v) | Ev::Boxed(v) => Some(v),
        }
    }
    fn truth(&self) -> bool {
        self.inner().is_some_and(Value::is_true)
    }
}

enum Flow {
    Normal,
    Break,
    Continue,
}

#[derive(Clone, Copy)]
enum Cur<'n> {
    Top,
    Node(&'n Node),
    Pipe(&'n Pipe),
    Arg(&'n Arg),
}

struct Frame<'n> {
    tree: &'n Tree,
    name: &'n str,
    vars: Vec<(&'n str, Ev)>,
    cur: Cur<'n>,
}

impl Frame<'_> {
    fn error(&self, msg: impl Into<String>) -> Error {
        let msg = msg.into();
        let (pos, ctx) = match self.cur {
            Cur::Top => {
                return Error::new(ErrorKind::Exec, format!("template: {}: {msg}", self.name), None, msg);
            }
            Cur::Node(n) => (node_pos(n), n.to_string()),
            Cur::Pipe(p) => (p.pos, p.to_string()),
            Cur::Arg(a) => (a.pos(), a.to_string()),
        };
        let loc = self.tree.location(pos);
        Error::new(
            ErrorKind::Exec,
            format!("template: {loc}: executing {} at <{ctx}>: {msg}", quote(self.name), ctx = ctx),
            Some(loc),
            msg,
        )
    }
}

fn node_pos(n: &Node) -> usize {
    match n {
        Node::Text(_) => 0,
        Node::Action { pos, .. } | Node::Template { pos, .. } | Node::Break(pos) | Node::Continue(pos) => *pos,
        Node::If(b) | Node::With(b) | Node::Range(b) => b.pos,
    }
}

struct State<'t> {
    tmpl: &'t Template,
    overlays: Vec<NameMap<Arc<Tree>>>,
    depth: usize,
    /// Address of a local in `execute`: the distance to a current local is the stack in use.
    stack_base: usize,
    /// Emptied argument vectors of finished calls, reused by later calls (calls nest while their
    /// arguments are evaluated, so each call takes its own).
    spare_evs: Vec<Vec<Ev>>,
    spare_vals: Vec<Vec<Value>>,
}

fn stack_addr() -> usize {
    let marker = 0u8;
    std::ptr::from_ref(&marker) as usize
}

type R<T> = Result<T, Error>;

/// Executes template `name` of `t` with `data` as dot, appending to `out`.
pub(crate) fn execute(t: &Template, name: &str, data: &Value, out: &mut String) -> Result<(), Error> {
    let mut st = State {
        tmpl: t,
        overlays: Vec::new(),
        depth: 0,
        stack_base: stack_addr(),
        spare_evs: Vec::new(),
        spare_vals: Vec::new(),
    };
    let Some(tree) = st.lookup(name) else {
        return Err(no_template(name, t.name()));
    };
    st.exec_tree(&tree, name, Ev::of(data.clone()), out)
}

fn no_template(name: &str, set: &str) -> Error {
    let msg = format!("no template {} associated with template {}", quote(name), quote(set));
    Error::new(ErrorKind::NoTemplate, format!("template: {msg}"), None, msg)
}

impl Host for State<'_> {
    fn exec_template(&mut self, name: &str, data: &Value) -> Result<String, Error> {
        let Some(tree) = self.lookup(name) else {
            return Err(no_template(name, self.tmpl.name()));
        };
        let mut out = String::new();
        self.nested(|st| st.exec_tree(&tree, name, Ev::of(data.clone()), &mut out), name)?;
        Ok(out)
    }

    fn exec_text(&mut self, name: &str, text: &str, data: &Value) -> Result<String, Error> {
        let tmpl = self.tmpl;
        let trees = crate::parse::parse(name, text, &|f: &str| tmpl.has_func(f))?;
        let mut overlay = NameMap::default();
        for (n, t) in trees {
            if t.is_empty() && self.lookup(&n).is_some() {
                continue;
            }
            overlay.insert(n, Arc::new(t));
        }
        self.overlays.push(overlay);
        let r = self.exec_template(name, data);
        self.overlays.pop();
        r
    }

    fn has_template(&self, name: &str) -> bool {
        self.lookup(name).is_some()
    }

    fn missing_key(&self) -> MissingKey {
        self.tmpl.missing_key()
    }
}

impl<'t> State<'t> {
    fn lookup(&self, name: &str) -> Option<Arc<Tree>> {
        for o in self.overlays.iter().rev() {
            if let Some(t) = o.get(name) {
                return Some(t.clone());
            }
        }
        self.tmpl.tree(name).cloned()
    }

    fn depth_error(&self, name: &str) -> Error {
        let msg = self.depth_msg();
        Error::new(ErrorKind::Exec, format!("template: {name}: {msg}"), None, msg)
    }

    fn depth_msg(&self) -> String {
        if self.depth >= self.tmpl.max_depth() {
            format!("exceeded maximum template depth ({})", self.tmpl.max_depth())
        } else {
            format!("exceeded maximum template depth ({}): native stack budget used up", self.depth)
        }
    }

    /// Whether nesting deeper would exceed the depth bound or the stack budget.
    fn too_deep(&self) -> bool {
        self.depth >= self.tmpl.max_depth() || self.stack_base.abs_diff(stack_addr()) > self.tmpl.stack_budget()
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>, name: &str) -> R<T> {
        if self.too_deep() {
            return Err(self.depth_error(name));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn exec_tree(&mut self, tree: &Arc<Tree>, name: &str, dot: Ev, out: &mut String) -> R<()> {
        let tree = tree.clone();
        let mut frame = Frame { tree: &tree, name, vars: vec![("$", dot.clone())], cur: Cur::Top };
        self.walk(&mut frame, &tree.root, &dot, out)?;
        Ok(())
    }

    fn walk<'n>(&mut self, f: &mut Frame<'n>, list: &'n [Node], dot: &Ev, out: &mut String) -> R<Flow> {
        for node in list {
            f.cur = Cur::Node(node);
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Action { pipe, .. } => {
                    let v = self.eval_pipeline(f, dot, pipe)?;
                    if pipe.decl.is_empty() {
                        self.print_value(f, node, &v, out)?;
                    }
                }
                Node::If(b) => match self.walk_if_with(f, dot, b, false, out)? {
                    Flow::Normal => {}
                    fl => return Ok(fl),
                },
                Node::With(b) => match self.walk_if_with(f, dot, b, true, out)? {
                    Flow::Normal => {}
                    fl => return Ok(fl),
                },
                Node::Range(b) => self.walk_range(f, dot, node, b, out)?,
                Node::Template { name, pipe, .. } => {
                    let Some(tree) = self.lookup(name) else {
                        return Err(f.error(format!("template {} not defined", quote(name))));
                    };
                    if self.too_deep() {
                        return Err(f.error(self.depth_msg()));
                    }
                    let newdot = match pipe {
                        Some(p) => self.eval_pipeline(f, dot, p)?,
                        None => Ev::Invalid,
                    };
                    self.depth += 1;
                    let r = self.exec_tree(&tree, name, newdot, out);
                    self.depth -= 1;
                    r?;
                }
                Node::Break(_) => return Ok(Flow::Break),
                Node::Continue(_) => return Ok(Flow::Continue),
            }
        }
        Ok(Flow::Normal)
    }

    fn print_value<'n>(&mut self, f: &mut Frame<'n>, node: &'n Node, v: &Ev, out: &mut String) -> R<()> {
        match v.inner() {
            None => out.push_str("<no value>"),
            Some(Value::String(s)) => out.push_str(s),
            Some(Value::Int(i)) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{i}");
            }
            Some(Value::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
            Some(Value::Method(m)) => {
                f.cur = Cur::Node(node);
                let _ = m;
                return Err(f.error(format!("can't print {node} of type func(...) interface {{}}")));
            }
            Some(other) => out.push_str(&gofmt::sprint_v(other)),
        }
        Ok(())
    }

    fn walk_if_with<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        b: &'n Branch,
        with: bool,
        out: &mut String,
    ) -> R<Flow> {
        let mark = f.vars.len();
        let r = (|| {
            let val = self.eval_pipeline(f, dot, &b.pipe)?;
            if val.truth() {
                let d = if with { &val } else { dot };
                self.walk(f, &b.list, d, out)
            } else if let Some(e) = &b.else_list {
                self.walk(f, e, dot, out)
            } else {
                Ok(Flow::Normal)
            }
        })();
        f.vars.truncate(mark);
        r
    }

    fn walk_range<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        node: &'n Node,
        b: &'n Branch,
        out: &mut String,
    ) -> R<()> {
        f.cur = Cur::Node(node);
        let mark = f.vars.len();
        let r = self.walk_range_inner(f, dot, b, out);
        f.vars.truncate(mark);
        r
    }

    fn walk_range_inner<'n>(&mut self, f: &mut Frame<'n>, dot: &Ev, b: &'n Branch, out: &mut String) -> R<()> {
        let val = self.eval_pipeline(f, dot, &b.pipe)?;
        let mark = f.vars.len();
        let decl = &b.pipe.decl;
        let mut iterate = |st: &mut Self, f: &mut Frame<'n>, index: Ev, elem: Ev| -> R<Flow> {
            if !decl.is_empty() {
                if b.pipe.is_assign {
                    let target = if decl.len() > 1 { index.clone() } else { elem.clone() };
                    set_var(f, &decl[0], target)?;
                } else {
                    set_top_var(f, 1, elem.clone());
                }
            }
            if decl.len() > 1 {
                if b.pipe.is_assign {
                    set_var(f, &decl[1], elem.clone())?;
                } else {
                    set_top_var(f, 2, index);
                }
            }
            let r = st.walk(f, &b.list, &elem, out);
            f.vars.truncate(mark);
            r
        };
        let mut ran = false;
        match val.inner() {
            None => {}
            Some(Value::List(l)) => {
                for (i, e) in l.to_vec().into_iter().enumerate() {
                    ran = true;
                    if let Flow::Break = iterate(self, f, Ev::Val(Value::from(i)), Ev::Boxed(e))? {
                        break;
                    }
                }
            }
            Some(Value::Map(m)) => {
                for (k, v) in m.entries() {
                    ran = true;
                    if let Flow::Break = iterate(self, f, Ev::Val(Value::String(k)), Ev::Boxed(v))? {
                        break;
                    }
                }
            }
            Some(Value::Int(n)) => {
                if decl.len() > 1 {
                    return Err(f.error(format!("can't use {n} to iterate over more than one variable")));
                }
                for i in 0..*n {
                    ran = true;
                    if let Flow::Break = iterate(self, f, Ev::Val(Value::Int(i)), Ev::Val(Value::Int(i)))? {
                        break;
                    }
                }
            }
            Some(other) => {
                return Err(f.error(format!("range can't iterate over {}", gofmt::sprint_v(other))));
            }
        }
        if !ran && let Some(e) = &b.else_list {
            self.walk(f, e, dot, out)?;
        }
        Ok(())
    }

    fn eval_pipeline<'n>(&mut self, f: &mut Frame<'n>, dot: &Ev, pipe: &'n Pipe) -> R<Ev> {
        f.cur = Cur::Pipe(pipe);
        if self.stack_base.abs_diff(stack_addr()) > self.tmpl.stack_budget() {
            return Err(f.error(self.depth_msg()));
        }
        let mut value: Option<Ev> = None;
        for cmd in &pipe.cmds {
            value = Some(self.eval_command(f, dot, &cmd.args, value)?.dig());
        }
        let v = value.unwrap_or(Ev::Invalid);
        for var in &pipe.decl {
            if pipe.is_assign {
                set_var(f, var, v.clone())?;
            } else {
                f.vars.push((var.as_str(), v.clone()));
            }
        }
        Ok(v)
    }

    fn eval_command<'n>(&mut self, f: &mut Frame<'n>, dot: &Ev, args: &'n [Arg], fin: Option<Ev>) -> R<Ev> {
        let Some(first) = args.first() else { return Ok(Ev::Invalid) };
        match first {
            Arg::Field { idents, .. } => {
                f.cur = Cur::Arg(first);
                return self.eval_field_chain(f, dot, dot.clone(), first, idents, args, fin);
            }
            Arg::Chain { .. } => return self.eval_chain(f, dot, first, args, fin),
            Arg::Ident(_, name) => return self.eval_function(f, dot, first, name, args, fin),
            Arg::Pipe(p) => {
                not_a_function(f, args, &fin)?;
                return self.eval_pipeline(f, dot, p);
            }
            Arg::Variable { .. } => return self.eval_variable(f, dot, first, args, fin),
            _ => {}
        }
        f.cur = Cur::Arg(first);
        not_a_function(f, args, &fin)?;
        match first {
            Arg::Bool(_, b) => Ok(Ev::Val(Value::Bool(*b))),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Err(f.error("nil is not a command")),
            Arg::Number(_, n) => n.ideal.clone().map(Ev::Val).map_err(|m| f.error(m)),
            Arg::Str { value, .. } => Ok(Ev::Val(Value::String(value.clone()))),
            _ => Err(f.error(format!("can't evaluate command {first}"))),
        }
    }

    fn eval_variable<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        node: &'n Arg,
        args: &'n [Arg],
        fin: Option<Ev>,
    ) -> R<Ev> {
        let Arg::Variable { name, idents, .. } = node else { return Ok(Ev::Invalid) };
        f.cur = Cur::Arg(node);
        let value = var_value(f, name)?;
        if idents.is_empty() {
            not_a_function(f, args, &fin)?;
            return Ok(value);
        }
        self.eval_field_chain(f, dot, value, node, idents, args, fin)
    }

    fn eval_chain<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        node: &'n Arg,
        args: &'n [Arg],
        fin: Option<Ev>,
    ) -> R<Ev> {
        let Arg::Chain { node: inner, fields, .. } = node else { return Ok(Ev::Invalid) };
        f.cur = Cur::Arg(node);
        if let Arg::Nil(_) = **inner {
            return Err(f.error(format!("indirection through explicit nil in {node}")));
        }
        let recv = self.eval_arg(f, dot, inner)?;
        self.eval_field_chain(f, dot, recv, node, fields, args, fin)
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_field_chain<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        receiver: Ev,
        node: &'n Arg,
        idents: &'n [String],
        args: &'n [Arg],
        fin: Option<Ev>,
    ) -> R<Ev> {
        let Some((last, init)) = idents.split_last() else { return Ok(receiver) };
        let mut r = receiver;
        for id in init {
            r = self.eval_field(f, dot, id, node, &[], None, r)?;
        }
        self.eval_field(f, dot, last, node, args, fin, r)
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_field<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        name: &str,
        node: &'n Arg,
        args: &'n [Arg],
        fin: Option<Ev>,
        receiver: Ev,
    ) -> R<Ev> {
        let mk = self.tmpl.missing_key();
        let has_args = args.len() > 1 || fin.is_some();
        let m = match &receiver {
            Ev::Invalid => {
                if mk == MissingKey::Error {
                    return Err(f.error(format!("nil data; no entry for key {}", quote(name))));
                }
                return Ok(Ev::Invalid);
            }
            Ev::Boxed(Value::Nil) | Ev::Val(Value::Nil) => {
                return Err(f.error(format!("nil pointer evaluating interface {{}}.{name}")));
            }
            Ev::Val(Value::Map(m)) | Ev::Boxed(Value::Map(m)) => m,
            Ev::Val(v) => return Err(f.error(format!("can't evaluate field {name} in type {}", v.type_name()))),
            Ev::Boxed(_) => return Err(f.error(format!("can't evaluate field {name} in type interface {{}}"))),
        };
        let typed = m.elem_zero();
        match m.get(name) {
            Some(Value::Method(func)) => {
                let call_args = if args.is_empty() { &[][..] } else { &args[1..] };
                self.call(f, dot, node, name, &func, call_args, fin)
            }
            Some(v) => {
                if has_args {
                    return Err(f.error(format!("{name} is not a method but has arguments")));
                }
                // elements of typed maps are concrete values, of interface maps boxed
                Ok(if typed.is_some() { Ev::of(v) } else { Ev::Boxed(v) })
            }
            None => {
                if has_args {
                    return Err(f.error(format!("{name} is not a method but has arguments")));
                }
                match mk {
                    MissingKey::Default => Ok(Ev::Invalid),
                    MissingKey::Zero => Ok(typed.map_or(Ev::Boxed(Value::Nil), |z| Ev::of(z.clone()))),
                    MissingKey::Error => Err(f.error(format!("map has no entry for key {}", quote(name)))),
                }
            }
        }
    }

    fn eval_arg<'n>(&mut self, f: &mut Frame<'n>, dot: &Ev, arg: &'n Arg) -> R<Ev> {
        f.cur = Cur::Arg(arg);
        match arg {
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Ok(Ev::Boxed(Value::Nil)),
            Arg::Field { idents, .. } => {
                self.eval_field_chain(f, dot, dot.clone(), arg, idents, std::slice::from_ref(arg), None)
            }
            Arg::Variable { .. } => self.eval_variable(f, dot, arg, std::slice::from_ref(arg), None),
            Arg::Pipe(p) => self.eval_pipeline(f, dot, p),
            Arg::Ident(_, name) => self.eval_function(f, dot, arg, name, std::slice::from_ref(arg), None),
            Arg::Chain { .. } => self.eval_chain(f, dot, arg, std::slice::from_ref(arg), None),
            Arg::Bool(_, b) => Ok(Ev::Val(Value::Bool(*b))),
            Arg::Number(_, n) => n.ideal.clone().map(Ev::Val).map_err(|m| f.error(m)),
            Arg::Str { value, .. } => Ok(Ev::Val(Value::String(value.clone()))),
        }
    }

    fn eval_function<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        node: &'n Arg,
        name: &str,
        args: &'n [Arg],
        fin: Option<Ev>,
    ) -> R<Ev> {
        f.cur = Cur::Arg(node);
        let call_args = args.get(1..).unwrap_or(&[]);
        let tmpl = self.tmpl;
        if let Some(func) = tmpl.user_func(name) {
            return self.call(f, dot, node, name, func, call_args, fin);
        }
        let Some(builtin) = Builtin::from_name(name) else {
            return Err(f.error(format!("{} is not a defined function", quote(name))));
        };
        self.call_builtin(f, dot, node, name, builtin, call_args, fin)
    }

    /// Calls a user function or method value with evaluated arguments.
    #[allow(clippy::too_many_arguments)]
    fn call<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        node: &'n Arg,
        name: &str,
        func: &Func,
        args: &'n [Arg],
        fin: Option<Ev>,
    ) -> R<Ev> {
        let has_final = fin.is_some();
        // The function sees plain values; which of them were nil interfaces (rather than no
        // value) is kept aside for Go's argument-type error messages.
        let mut vals = self.spare_vals.pop().unwrap_or_default();
        let mut boxed_nil: Vec<usize> = Vec::new();
        let mut evaluated = Ok(());
        for a in args {
            match self.eval_arg(f, dot, a) {
                Ok(ev) => push_arg(&mut vals, &mut boxed_nil, ev),
                Err(e) => {
                    evaluated = Err(e);
                    break;
                }
            }
        }
        let r = evaluated.and_then(|()| {
            if let Some(v) = fin {
                push_arg(&mut vals, &mut boxed_nil, v);
            }
            let tree = f.tree;
            let pos = node.pos();
            let loc = move || tree.location(pos);
            let result = {
                let mut ctx = FuncContext { host: self, func_name: name, template_name: f.name, location: &loc };
                func(&mut ctx, &vals)
            };
            match result {
                Ok(v) => Ok(Ev::of(v)),
                Err(e) => {
                    let evs: Vec<Ev> = vals
                        .iter()
                        .enumerate()
                        .map(|(i, v)| match v {
                            Value::Nil if boxed_nil.contains(&i) => Ev::Boxed(Value::Nil),
                            Value::Nil => Ev::Invalid,
                            v => Ev::Val(v.clone()),
                        })
                        .collect();
                    Err(self.func_error(f, node, name, args, &evs, has_final, e))
                }
            }
        });
        vals.clear();
        self.spare_vals.push(vals);
        r
    }

    /// Evaluates `args` (then appends the piped `fin`) into a reused vector and runs `g` on them.
    fn with_args<'n, T>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        args: &'n [Arg],
        fin: Option<Ev>,
        g: impl FnOnce(&mut Self, &mut Frame<'n>, &[Ev]) -> R<T>,
    ) -> R<T> {
        let mut evs = self.spare_evs.pop().unwrap_or_default();
        let mut r = Ok(());
        for a in args {
            match self.eval_arg(f, dot, a) {
                Ok(v) => evs.push(v),
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        let r = r.and_then(|()| {
            evs.extend(fin);
            g(self, f, &evs)
        });
        evs.clear();
        self.spare_evs.push(evs);
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn func_error<'n>(
        &self,
        f: &mut Frame<'n>,
        node: &'n Arg,
        name: &str,
        args: &'n [Arg],
        evs: &[Ev],
        has_final: bool,
        e: FuncError,
    ) -> Error {
        match e {
            FuncError::Msg(m) => {
                f.cur = Cur::Arg(node);
                f.error(format!("error calling {name}: {m}"))
            }
            FuncError::Template(t) => {
                f.cur = Cur::Arg(node);
                f.error(format!("error calling {name}: {t}"))
            }
            FuncError::Arity { want, got, at_least } => {
                f.cur = Cur::Arg(node);
                if at_least {
                    let got = if has_final { got.saturating_sub(1) } else { got };
                    f.error(format!("wrong number of args for {name}: want at least {want} got {got}"))
                } else {
                    f.error(format!("wrong number of args for {name}: want {want} got {got}"))
                }
            }
            FuncError::WrongType { index, expected } => {
                let arg_node = args.get(index);
                f.cur = match (arg_node, args.last()) {
                    (Some(a), _) => Cur::Arg(a),
                    (None, Some(last)) => Cur::Arg(last),
                    (None, None) => Cur::Arg(node),
                };
                if let Some(a) = arg_node {
                    match a {
                        Arg::Nil(_) => return f.error(format!("cannot assign nil to {expected}")),
                        Arg::Number(..) | Arg::Str { .. } | Arg::Bool(..) => {
                            let kind = match expected {
                                "int" => "integer",
                                "string" => "string",
                                "bool" => "bool",
                                _ => return f.error(format!("can't handle {a} for arg of type {expected}")),
                            };
                            return f.error(format!("expected {kind}; found {a}"));
                        }
                        _ => {}
                    }
                }
                match evs.get(index) {
                    None | Some(Ev::Invalid) | Some(Ev::Val(Value::Nil)) => {
                        f.error(format!("invalid value; expected {expected}"))
                    }
                    Some(Ev::Boxed(Value::Nil)) => {
                        f.error(format!("wrong type for value; expected {expected}; got interface {{}}"))
                    }
                    Some(Ev::Val(v) | Ev::Boxed(v)) => {
                        f.error(format!("wrong type for value; expected {expected}; got {}", v.type_name()))
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn call_builtin<'n>(
        &mut self,
        f: &mut Frame<'n>,
        dot: &Ev,
        node: &'n Arg,
        name: &str,
        b: Builtin,
        args: &'n [Arg],
        fin: Option<Ev>,
    ) -> R<Ev> {
        use Builtin::*;
        let n_in = args.len() + usize::from(fin.is_some());
        // (fixed parameters, variadic)
        let (fixed, variadic) = match b {
            And | Or | Index | Slice | Eq | Call => (1, true),
            Printf => (1, true),
            Not | Len => (1, false),
            Ne | Lt | Le | Gt | Ge => (2, false),
            Html | Js | Print | Println | Urlquery => (0, true),
        };
        if variadic && n_in < fixed {
            return Err(f.error(format!("wrong number of args for {name}: want at least {fixed} got {}", args.len())));
        }
        if !variadic && n_in != fixed {
            return Err(f.error(format!("wrong number of args for {name}: want {fixed} got {n_in}")));
        }
        if b == And || b == Or {
            let want = b == Or;
            let mut v = Ev::Invalid;
            for a in args {
                v = self.eval_arg(f, dot, a)?;
                if v.truth() == want {
                    return Ok(v);
                }
            }
            if let Some(x) = fin {
                v = x;
            }
            return Ok(v);
        }
        self.with_args(f, dot, args, fin, |st, f, evs| {
            if b == Call {
                return st.builtin_call(f, node, args, evs);
            }
            match builtin(name, b, evs) {
                Ok(v) => Ok(v),
                Err(BErr::Msg(m)) => {
                    f.cur = Cur::Arg(node);
                    Err(f.error(format!("error calling {name}: {m}")))
                }
                Err(BErr::Type(i, expected)) => {
                    let e = FuncError::WrongType { index: i, expected };
                    Err(st.func_error(f, node, name, args, evs, false, e))
                }
            }
        })
    }

    fn builtin_call<'n>(&mut self, f: &mut Frame<'n>, node: &'n Arg, args: &'n [Arg], evs: &[Ev]) -> R<Ev> {
        let Some(first) = evs.first() else { return Ok(Ev::Invalid) };
        let func = match first.inner() {
            Some(Value::Method(m)) => m.clone(),
            None => {
                f.cur = Cur::Arg(node);
                return Err(f.error("error calling call: call of nil"));
            }
            Some(v) => {
                f.cur = Cur::Arg(node);
                let what = args.first().map(|a| a.to_string()).unwrap_or_default();
                return Err(f.error(format!("error calling call: non-function {what} of type {}", v.type_name())));
            }
        };
        let vals: Vec<Value> = evs.iter().skip(1).map(Ev::value).collect();
        let tree = f.tree;
        let pos = node.pos();
        let loc = move || tree.location(pos);
        let result = {
            let mut ctx = FuncContext { host: self, func_name: "call", template_name: f.name, location: &loc };
            func(&mut ctx, &vals)
        };
        match result {
            Ok(v) => Ok(Ev::of(v)),
            Err(e) => {
                f.cur = Cur::Arg(node);
                Err(f.error(format!("error calling call: {e}")))
            }
        }
    }
}

/// Appends a call argument's value, noting the position of a nil interface in `boxed_nil`.
fn push_arg(vals: &mut Vec<Value>, boxed_nil: &mut Vec<usize>, ev: Ev) {
    if matches!(ev, Ev::Boxed(Value::Nil)) {
        boxed_nil.push(vals.len());
    }
    vals.push(ev.into_value());
}

fn not_a_function(f: &Frame<'_>, args: &[Arg], fin: &Option<Ev>) -> R<()> {
    if args.len() > 1 || fin.is_some() {
        let first = args.first().map(|a| a.to_string()).unwrap_or_default();
        return Err(f.error(format!("can't give argument to non-function {first}")));
    }
    Ok(())
}

/// Whether two variable names are equal, rejecting most differing ones by length and last byte.
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

fn var_value(f: &Frame<'_>, name: &str) -> R<Ev> {
    for (n, v) in f.vars.iter().rev() {
        if same_name(n, name) {
            return Ok(v.clone());
        }
    }
    Err(f.error(format!("undefined variable: {name}")))
}

fn set_var(f: &mut Frame<'_>, name: &str, v: Ev) -> R<()> {
    for (n, slot) in f.vars.iter_mut().rev() {
        if same_name(n, name) {
            *slot = v;
            return Ok(());
        }
    }
    Err(f.error(format!("undefined variable: {name}")))
}

fn set_top_var(f: &mut Frame<'_>, n: usize, v: Ev) {
    let len = f.vars.len();
    if let Some(slot) = len.checked_sub(n).and_then(|i| f.vars.get_mut(i)) {
        slot.1 = v;
    }
}

enum BErr {
    Msg(String),
    Type(usize, &'static str),
}

fn msg(s: impl Into<String>) -> BErr {
    BErr::Msg(s.into())
}

/// Go's `basicKind` classes used by comparisons.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Invalid,
    Bool,
    Int,
    Float,
    String,
    Other,
}

fn kind(v: &Ev) -> Kind {
    match v.inner() {
        None => Kind::Invalid,
        Some(Value::Bool(_)) => Kind::Bool,
        Some(Value::Int(_)) => Kind::Int,
        Some(Value::Float(_)) => Kind::Float,
        Some(Value::String(_)) => Kind::String,
        Some(_) => Kind::Other,
    }
}

fn builtin(name: &str, builtin: Builtin, a: &[Ev]) -> Result<Ev, BErr> {
    use Builtin::*;
    let vals = || a.iter().map(Ev::value).collect::<Vec<_>>();
    let b = |x: bool| Ok(Ev::Val(Value::Bool(x)));
    match builtin {
        Not => b(!a[0].truth()),
        Len => match &a[0] {
            Ev::Invalid => Err(msg("reflect: call of reflect.Value.Type on zero Value")),
            Ev::Boxed(Value::Nil) | Ev::Val(Value::Nil) => Err(msg("len of nil pointer")),
            Ev::Val(v) | Ev::Boxed(v) => match v {
                Value::String(s) => Ok(Ev::Val(Value::from(s.len()))),
                Value::List(l) => Ok(Ev::Val(Value::from(l.len()))),
                Value::Map(m) => Ok(Ev::Val(Value::from(m.len()))),
                other => Err(msg(format!("len of type {}", other.type_name()))),
            },
        },
        Index => index(a),
        Slice => slice(a),
        Print => Ok(Ev::of(Value::string(gofmt::sprint(&vals())))),
        Println => Ok(Ev::of(Value::string(gofmt::sprintln(&vals())))),
        Printf => {
            let Some(Value::String(fmt)) = a[0].inner() else { return Err(BErr::Type(0, "string")) };
            let rest: Vec<Value> = a[1..].iter().map(Ev::value).collect();
            Ok(Ev::of(Value::string(gofmt::sprintf(fmt, &rest))))
        }
        Html => Ok(Ev::of(Value::string(html_escape(&eval_args(a))))),
        Js => Ok(Ev::of(Value::string(js_escape(&eval_args(a))))),
        Urlquery => Ok(Ev::of(Value::string(query_escape(&eval_args(a))))),
        Eq => eq(&a[0], &a[1..]).map(|x| Ev::Val(Value::Bool(x))),
        Ne => eq(&a[0], &a[1..2]).map(|x| Ev::Val(Value::Bool(!x))),
        Lt => lt(&a[0], &a[1]).map(|x| Ev::Val(Value::Bool(x))),
        Le => le(&a[0], &a[1]).map(|x| Ev::Val(Value::Bool(x))),
        Gt => le(&a[0], &a[1]).map(|x| Ev::Val(Value::Bool(!x))),
        Ge => lt(&a[0], &a[1]).map(|x| Ev::Val(Value::Bool(!x))),
        // handled by the caller before evaluating arguments
        And | Or | Call => Err(msg(format!("{} is not a defined function", quote(name)))),
    }
}

/// Go's `evalArgs` for html/js/urlquery: a lone string as is, else `Sprint` with invalid
/// values shown as `<no value>`.
fn eval_args(a: &[Ev]) -> String {
    if let [Ev::Val(Value::String(s)) | Ev::Boxed(Value::String(s))] = a {
        return s.to_string();
    }
    let vals: Vec<Value> = a
        .iter()
        .map(|e| match e {
            Ev::Invalid => Value::string("<no value>"),
            other => other.value(),
        })
        .collect();
    gofmt::sprint(&vals)
}

fn index_arg(i: &Ev, cap: usize) -> Result<usize, BErr> {
    let x = match i.inner() {
        Some(Value::Int(x)) => *x,
        None => return Err(msg("cannot index slice/array with nil")),
        Some(v) => return Err(msg(format!("cannot index slice/array with type {}", v.type_name()))),
    };
    match usize::try_from(x) {
        Ok(u) if u <= cap => Ok(u),
        _ => Err(msg(format!("index out of range: {x}"))),
    }
}

fn index(a: &[Ev]) -> Result<Ev, BErr> {
    let mut item = match a[0].inner() {
        None => return Err(msg("index of untyped nil")),
        Some(_) => a[0].clone(),
    };
    for ix in &a[1..] {
        let v = match &item {
            Ev::Boxed(Value::Nil) | Ev::Val(Value::Nil) | Ev::Invalid => return Err(msg("index of nil pointer")),
            Ev::Val(v) | Ev::Boxed(v) => v.clone(),
        };
        item = match &v {
            Value::List(l) => {
                let i = index_arg(ix, l.len())?;
                match l.get(i) {
                    Some(e) => Ev::Boxed(e),
                    None => return Err(msg("reflect: slice index out of range")),
                }
            }
            Value::String(s) => {
                let i = index_arg(ix, s.len())?;
                match s.as_bytes().get(i) {
                    Some(byte) => Ev::Val(Value::Int(i64::from(*byte))),
                    None => return Err(msg("reflect: string index out of range")),
                }
            }
            Value::Map(m) => match ix.inner() {
                Some(Value::String(k)) => match (m.get(k), m.elem_zero()) {
                    (Some(e), None) => Ev::Boxed(e),
                    (Some(e), Some(_)) => Ev::of(e),
                    (None, Some(z)) => Ev::of(z.clone()),
                    (None, None) => Ev::Boxed(Value::Nil),
                },
                None => return Err(msg("value is nil; should be of type string")),
                Some(other) => return Err(msg(format!("value has type {}; should be string", other.type_name()))),
            },
            other => return Err(msg(format!("can't index item of type {}", other.type_name()))),
        };
    }
    Ok(item)
}

fn slice(a: &[Ev]) -> Result<Ev, BErr> {
    let Some(item) = a[0].inner() else { return Err(msg("slice of untyped nil")) };
    let idx = &a[1..];
    if idx.len() > 3 {
        return Err(msg(format!("too many slice indexes: {}", idx.len())));
    }
    let len = match item {
        Value::String(s) => {
            if idx.len() == 3 {
                return Err(msg("cannot 3-index slice a string"));
            }
            s.len()
        }
        Value::List(l) => l.len(),
        other => return Err(msg(format!("can't slice item of type {}", other.type_name()))),
    };
    let mut ix = [0usize, len, len];
    for (i, e) in idx.iter().enumerate() {
        ix[i] = index_arg(e, len)?;
    }
    if ix[0] > ix[1] {
        return Err(msg(format!("invalid slice index: {} > {}", ix[0], ix[1])));
    }
    if idx.len() == 3 && ix[1] > ix[2] {
        return Err(msg(format!("invalid slice index: {} > {}", ix[1], ix[2])));
    }
    Ok(match item {
        Value::String(s) => {
            let bytes = s.as_bytes().get(ix[0]..ix[1]).unwrap_or(&[]);
            Ev::Val(Value::string(String::from_utf8_lossy(bytes).into_owned()))
        }
        Value::List(l) => {
            let v = l.to_vec();
            Ev::Val(Value::from(v.get(ix[0]..ix[1]).unwrap_or(&[]).to_vec()))
        }
        _ => Ev::Invalid,
    })
}

fn eq(a1: &Ev, rest: &[Ev]) -> Result<bool, BErr> {
    if rest.is_empty() {
        return Err(msg("missing argument for comparison"));
    }
    let k1 = kind(a1);
    for a in rest {
        let k2 = kind(a);
        let truth = if k1 != k2 {
            if k1 != Kind::Invalid && k2 != Kind::Invalid {
                return Err(msg("incompatible types for comparison"));
            }
            false
        } else {
            match (a1.inner(), a.inner()) {
                (None, None) => true,
                (Some(Value::Bool(x)), Some(Value::Bool(y))) => x == y,
                (Some(Value::Int(x)), Some(Value::Int(y))) => x == y,
                (Some(Value::Float(x)), Some(Value::Float(y))) => x == y,
                (Some(Value::String(x)), Some(Value::String(y))) => x == y,
                (Some(x), Some(y)) => {
                    if x.type_name() != y.type_name() {
                        return Err(msg(format!(
                            "non-comparable types {}: {}, {}: {}",
                            gofmt::sprint_v(x),
                            x.type_name(),
                            y.type_name(),
                            gofmt::sprint_v(y)
                        )));
                    }
                    return Err(msg(format!("non-comparable type {}: {}", gofmt::sprint_v(y), y.type_name())));
                }
                _ => false,
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

fn lt(a1: &Ev, a2: &Ev) -> Result<bool, BErr> {
    let (k1, k2) = (kind(a1), kind(a2));
    let bad = |k| matches!(k, Kind::Invalid | Kind::Other);
    if bad(k1) || bad(k2) {
        return Err(msg("invalid type for comparison"));
    }
    if k1 != k2 {
        return Err(msg("incompatible types for comparison"));
    }
    Ok(match (a1.inner(), a2.inner()) {
        (Some(Value::Int(x)), Some(Value::Int(y))) => x < y,
        (Some(Value::Float(x)), Some(Value::Float(y))) => x < y,
        (Some(Value::String(x)), Some(Value::String(y))) => x < y,
        _ => return Err(msg("invalid type for comparison")),
    })
}

fn le(a1: &Ev, a2: &Ev) -> Result<bool, BErr> {
    if lt(a1, a2)? {
        return Ok(true);
    }
    eq(a1, std::slice::from_ref(a2))
}

/// Go's `template.HTMLEscapeString`.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Go's `template.JSEscapeString`.
pub(crate) fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u00{:02X}", c as u32)),
            c if (c as u32) < 0x80 => out.push(c),
            c if gofmt::is_print(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out
}

/// Go's `url.QueryEscape`.
pub(crate) fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
