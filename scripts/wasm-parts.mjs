// Where the bytes of the app's wasm go, by part of the code: the functions of the linked wasm
// (as cargo leaves it, with function names; wasm-bindgen and wasm-opt drop them) summed by the
// crate or module their name starts with. Printed by size-report.mjs each run, so a growing part shows.
// The shares are of the unoptimised code; wasm-opt shrinks all parts, not necessarily equally.
import fs from 'node:fs';

/** Read an unsigned LEB128 at `pos`; returns [value, next position]. */
function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [result, pos];
    shift += 7;
  }
}

/** Function body sizes, function names and the size of the data segments of a wasm file. */
export function wasmFunctions(file) {
  const buf = fs.readFileSync(file);
  let pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (pos < buf.length) {
    const id = buf[pos++];
    let size;
    [size, pos] = leb(buf, pos);
    const end = pos + size;
    if (id === 2) {
      // Imported functions come first in the function index space.
      let n;
      let p;
      [n, p] = leb(buf, pos);
      for (let i = 0; i < n; i++) {
        let len;
        [len, p] = leb(buf, p); p += len; // module
        [len, p] = leb(buf, p); p += len; // name
        const kind = buf[p++];
        if (kind === 0) { [, p] = leb(buf, p); imported++; }
        else if (kind === 1) { p++; const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 2) { const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 3) { p += 2; }
        else break;
      }
    } else if (id === 10) {
      let n;
      let p;
      [n, p] = leb(buf, pos);
      for (let i = 0; i < n; i++) {
        let len;
        const start = p;
        [len, p] = leb(buf, p);
        bodies.push(p + len - start);
        p += len;
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0) {
      let len;
      let p;
      [len, p] = leb(buf, pos);
      const sectionName = buf.toString('utf8', p, p + len);
      p += len;
      if (sectionName === 'name') {
        while (p < end) {
          const sub = buf[p++];
          let subSize;
          [subSize, p] = leb(buf, p);
          const subEnd = p + subSize;
          if (sub === 1) {
            let n;
            [n, p] = leb(buf, p);
            for (let i = 0; i < n; i++) {
              let idx;
              let l;
              [idx, p] = leb(buf, p);
              [l, p] = leb(buf, p);
              names.set(idx, buf.toString('utf8', p, p + l));
              p += l;
            }
          }
          p = subEnd;
        }
      }
    }
    pos = end;
  }
  return { functions: bodies.map((size, i) => ({ size, name: names.get(imported + i) || '' })), data };
}

// First match wins; a name is matched on its first crate path (`<T as tachys::…>` → tachys).
const PARTS = [
  ['app: ui (components, views)', /^versterkingsmonitor::ui::/],
  ['app: analysis', /^versterkingsmonitor::analysis::/],
  ['app: data (model, parsers)', /^versterkingsmonitor::data::/],
  ['app: charts', /^versterkingsmonitor::charts::/],
  ['app: i18n (catalogue code)', /^versterkingsmonitor::i18n::/],
  ['app: other', /^versterkingsmonitor::/],
  ['leptos (tachys, reactive_graph, router)', /^(tachys|reactive_graph|leptos|leptos_router|leptos_dom|either_of|any_spawner|oco_ref|throw_error|or_poisoned|send_wrapper|slotmap|guardian|leptos_macro|next_tuple|reactive_stores)::/],
  ['plotters', /^plotters(_backend)?::/],
  ['wasm-bindgen, js-sys, web-sys, gloo', /^(wasm_bindgen|wasm_bindgen_futures|js_sys|web_sys|gloo_net|gloo_utils|wasm_streams|console_error_panic_hook)::/],
  ['Rust core, alloc, std (generic code for all)', /^(core|alloc|std|hashbrown|dlmalloc|compiler_builtins|futures_util|futures_core|futures_channel|futures_executor|indexmap|serde|serde_json|csv|csv_core|memchr)::/],
];

/**
 * Enough demangling to find a function's first path: Rust's legacy mangling (`_ZN19versterkingsmonitor2ui…`,
 * `_ZN87_$LT$T$u20$as$u20$tachys..view..` …) and v0 (`_RNvNtCs5cOc02OMXlo_5alloc7raw_vec…`).
 */
function demangleLite(name) {
  if (name.startsWith('_ZN')) {
    const parts = [];
    let p = 3;
    while (p < name.length && name[p] !== 'E') {
      const m = name.slice(p).match(/^(\d+)/);
      if (!m) break;
      p += m[1].length;
      parts.push(name.slice(p, p + Number(m[1])));
      p += Number(m[1]);
    }
    return parts.join('::').replace(/^_/, '').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
      .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\.\./g, '::');
  }
  if (name.startsWith('_R')) {
    // The first crate root: C, an optional disambiguator s…_, then <length><name>; then its path.
    const m = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
    if (m) {
      const crate = m[2].slice(0, Number(m[1]));
      const rest = name.slice(m.index + m[0].length - m[2].length + crate.length);
      const next = rest.match(/^(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
      return next ? `${crate}::${next[2].slice(0, Number(next[1]))}` : `${crate}::`;
    }
  }
  return name;
}

/** The crate path a (demangled) function name starts with: `<T as a::B>::f` and `<a::B as c::D>::f` → `a::B…`. */
function subject(name) {
  const clean = name.replace(/\[[0-9a-f]+\]/g, '');
  if (clean.startsWith('<')) {
    // `<T as tachys::…>` names the trait's crate; `<versterkingsmonitor::X as core::fmt::Debug>` the type's.
    const inner = clean.slice(1);
    const asType = inner.match(/^&?(?:mut\s+)?(?:dyn\s+)?([a-z_][a-z0-9_]*::[^ ]*)\s+as\s/);
    if (asType) return asType[1];
    const asTrait = inner.match(/\bas\s+([a-z_][a-z0-9_]*::.*)$/);
    if (asTrait) return asTrait[1];
  }
  return clean;
}

/**
 * The standard library's sort functions in the wasm. The app sorts through the one non-generic
 * `data::sort`; each call of `slice::sort*`, and each `collect()` into a `BTreeMap`/`BTreeSet`
 * (which sorts the items first), adds a copy of the standard sort for its element type.
 */
export function stdSorts({ functions }) {
  return functions.filter((f) => /4core5slice4sort|core::slice::sort|core\.\.slice\.\.sort/.test(f.name));
}

/** Bytes per part of the code (PARTS), and the data segments, of `wasmFunctions`' result. */
export function partsOf({ functions, data }) {
  const totals = new Map(PARTS.map(([p]) => [p, 0]));
  totals.set('other crates and glue', 0);
  let code = 0;
  for (const f of functions) {
    // Describe functions only tell wasm-bindgen the types; it removes them.
    if (f.name.startsWith('__wbindgen_describe') || f.name.includes('wasm_bindgen::describe')) continue;
    const s = subject(demangleLite(f.name));
    const part = PARTS.find(([, re]) => re.test(s));
    const key = part ? part[0] : 'other crates and glue';
    totals.set(key, totals.get(key) + f.size);
    code += f.size;
  }
  totals.set('data segments (texts, tables, constants)', data);
  return { parts: [...totals.entries()], total: code + data };
}

// `node scripts/wasm-parts.mjs [FILE]`: the parts of a linked wasm (default: the app's).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const file = process.argv[2] || 'target/wasm32-unknown-unknown/release/versterkingsmonitor.wasm';
  const { parts, total } = partsOf(wasmFunctions(file));
  for (const [p, b] of parts) console.log(`${p.padEnd(48)} ${(b / 1024).toFixed(1).padStart(8)} KB ${((100 * b) / total).toFixed(1).padStart(5)}%`);
}
