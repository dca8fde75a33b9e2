// The engine's XML, both ways, for the emulated engine over HTTP (docs/decisions/042-engine-over-http.md, "XML").
//
// The engine's XML and JSON are two renderings of one model (github:oVirt/ovirt-engine-api-model, generated into
// JAXB classes and into the Python SDK's readers.py/writers.py), so the emulator keeps producing its JSON and this
// module renders it as the engine's XML, and reads an XML request body into the object the JSON body would be:
// - `id` and `href` are attributes of every element that carries them, `rel` an attribute of `<link>`
//   (python-ovirt-engine-sdk4 lib/ovirtsdk4/readers.py: 118 readers take `id` and every reader `href` through
//   `reader.get_attribute`, links `get_attribute('rel')`; no reader has an `id` element);
// - a JSON array is the element repeated (`"link": [..]` → `<link/><link/>`), so a collection `{"host": [..]}` under
//   the root `<hosts>` is `<hosts><host ..>..</host></hosts>`, and the empty collection `{}` is `<hosts/>`;
// - a nested list keeps its wrapper: `"logical_units": {"logical_unit": [..]}` ↔ `<logical_units><logical_unit>`;
// - scalars are text (the emulator's JSON already carries booleans and integers as strings), dates as xs:dateTime
//   (readers.py `Reader.read_date` → reader.py `parse_date`: "%Y-%m-%dT%H:%M:%S[.%f]" and "Z" or "±hh:mm").
// Root element names are the SDK's registered tags (readers.py `Reader.register('hosts', HostReader.read_many)` …).
//
// The reader is small and strict on purpose: the subset the SDK's XmlWriter writes (libxml2 xmlTextWriter, no
// declaration, no namespaces — python-ovirt-engine-sdk4 ext/ov_xml_writer.c), plus a declaration, comments and
// CDATA. A DOCTYPE is refused (no entity expansion), and so is anything malformed.

/** Parsed XML as the engine's JSON would carry it: strings, objects, arrays of either. */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue;
}

export class XmlSyntaxError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Root element names

/**
 * Path segment of a collection → [collection element, entity element] (readers.py `Reader.register` tags; the
 * path names are the services' in services.py, e.g. `disk_attachments_service` → 'diskattachments').
 */
const COLLECTIONS: Record<string, readonly [string, string]> = {
  hosts: ['hosts', 'host'],
  vms: ['vms', 'vm'],
  disks: ['disks', 'disk'],
  diskattachments: ['disk_attachments', 'disk_attachment'],
  storagedomains: ['storage_domains', 'storage_domain'],
  datacenters: ['data_centers', 'data_center'],
  clusters: ['clusters', 'cluster'],
  jobs: ['jobs', 'job'],
  steps: ['steps', 'step'],
  events: ['events', 'event'],
  storageconnections: ['storage_connections', 'storage_connection'],
  // HostService `storage_service` → HostStorageService.list: `Reader.register('host_storages', ...read_many)`.
  storage: ['host_storages', 'host_storage'],
};

/**
 * The root element of an answer, from the route template the handler was registered with ('' for the API root,
 * '/hosts', '/hosts/:id', '/hosts/:id/iscsidiscover', '/vms/:id/diskattachments/:diskId'…), the method, and the
 * answer itself: a bare fault is `<fault>` (readers.py FaultReader), an action's answer `<action>` (ActionReader).
 */
export function xmlRootFor(route: string, method: string, status: number, body: unknown): string {
  if (status >= 400 && isObject(body) && !('status' in body) && ('reason' in body || 'detail' in body)) return 'fault';
  // A removal runs the backend command through BackendResource.performAction (e.g. BackendDiskResource.remove:
  // `return performAction(ActionType.RemoveDisk, ...)`), which answers `Response.ok().entity(action)`: an <action>
  // (upstream-engine restapi/jaxrs .../resource/BackendResource.java:178-194).
  if (method.toUpperCase() === 'DELETE') return 'action';
  const segments = route.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (last === undefined) return 'api';
  if (last.startsWith(':')) {
    const owner = COLLECTIONS[segments.at(-2) ?? ''];
    if (owner) return owner[1];
  } else {
    const coll = COLLECTIONS[last];
    if (coll) return method.toUpperCase() === 'GET' ? coll[0] : coll[1];
  }
  // Anything else under an entity is an action (`POST /vms/{id}/start`, `POST /hosts/{id}/iscsilogin`).
  return 'action';
}

// ---------------------------------------------------------------------------------------------------------------
// JSON → XML

/** Model attributes whose JSON value is milliseconds since the epoch and whose XML is an xs:dateTime. */
const DATE_KEYS = new Set(['time', 'start_time', 'end_time', 'last_updated', 'creation_time', 'date', 'expiry_time', 'boot_time']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** xs:dateTime as JAXB writes it ("2024-05-01T10:00:00.000+00:00"). */
function xmlDate(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '+00:00');
}

function scalarText(key: string, v: string | number | boolean): string {
  if (typeof v === 'number' && DATE_KEYS.has(key)) return xmlDate(v);
  return String(v);
}

function isAttribute(element: string, key: string, v: unknown): v is string | number {
  if (typeof v !== 'string' && typeof v !== 'number') return false;
  return key === 'id' || key === 'href' || (key === 'rel' && element === 'link');
}

function writeElement(out: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) writeElement(out, name, item);
    return;
  }
  if (isObject(value)) {
    let attrs = '';
    const children: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (isAttribute(name, k, v)) attrs += ` ${k}="${escapeAttr(String(v))}"`;
      else writeElement(children, k, v);
    }
    out.push(children.length > 0 ? `<${name}${attrs}>${children.join('')}</${name}>` : `<${name}${attrs}/>`);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(`<${name}>${escapeText(scalarText(name, value))}</${name}>`);
  }
}

/**
 * The engine's XML for a JSON answer: `toXml('hosts', {host: [...]})`, `toXml('action', {status: 'complete', …})`,
 * `toXml('fault', {reason, detail})`. With the declaration JAXB writes (standalone="yes").
 */
export function toXml(root: string, body: unknown): string {
  const out: string[] = [];
  writeElement(out, root, isObject(body) ? body : {});
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${out.join('')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// XML → JSON

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

function decodeEntities(s: string, at: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, ent: string | undefined) => {
    if (ent === undefined) throw new XmlSyntaxError(`a bare "&" near offset ${at}`);
    if (ent === 'amp') return '&';
    if (ent === 'lt') return '<';
    if (ent === 'gt') return '>';
    if (ent === 'quot') return '"';
    if (ent === 'apos') return "'";
    if (ent.startsWith('#')) {
      const code = ent.startsWith('#x') ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new XmlSyntaxError(`bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    throw new XmlSyntaxError(`unknown entity ${whole} near offset ${at}`);
  });
}

/** Parses one XML document into its root node. Throws XmlSyntaxError on anything outside the subset. */
export function parseXmlDocument(input: string): XmlNode {
  let i = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what: string): never => {
    throw new XmlSyntaxError(`${what} at offset ${i}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (i < input.length && /\s/.test(input.charAt(i))) i++;
      if (input.startsWith('<?', i)) {
        const end = input.indexOf('?>', i);
        if (end < 0) fail('an unterminated processing instruction');
        i = end + 2;
      } else if (input.startsWith('<!--', i)) {
        const end = input.indexOf('-->', i);
        if (end < 0) fail('an unterminated comment');
        i = end + 3;
      } else if (input.startsWith('<!DOCTYPE', i)) {
        fail('a DOCTYPE (not accepted)');
      } else return;
    }
  };
  const readName = (): string => {
    const m = NAME.exec(input.slice(i, i + 200));
    if (!m) return fail('an element or attribute name expected');
    i += m[0].length;
    return m[0];
  };
  const readElement = (): XmlNode => {
    if (input.charAt(i) !== '<') fail('"<" expected');
    i++;
    const node: XmlNode = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      while (i < input.length && /\s/.test(input.charAt(i))) i++;
      if (input.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (input.charAt(i) === '>') {
        i++;
        break;
      }
      if (i === before) fail('whitespace expected before an attribute');
      const attr = readName();
      while (/\s/.test(input.charAt(i))) i++;
      if (input.charAt(i) !== '=') fail(`"=" expected after attribute ${attr}`);
      i++;
      while (/\s/.test(input.charAt(i))) i++;
      const quote = input.charAt(i);
      if (quote !== '"' && quote !== "'") fail('a quoted attribute value expected');
      const end = input.indexOf(quote, i + 1);
      if (end < 0) fail('an unterminated attribute value');
      const raw = input.slice(i + 1, end);
      if (raw.includes('<')) fail('"<" in an attribute value');
      if (attr in node.attrs) fail(`attribute ${attr} repeated`);
      node.attrs[attr] = decodeEntities(raw, i);
      i = end + 1;
    }
    // Content: text, CDATA, comments, child elements, then the end tag.
    for (;;) {
      if (i >= input.length) fail(`the end tag </${node.name}> is missing`);
      if (input.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== node.name) fail(`</${name}> closes <${node.name}>`);
        while (/\s/.test(input.charAt(i))) i++;
        if (input.charAt(i) !== '>') fail('">" expected');
        i++;
        return node;
      }
      if (input.startsWith('<![CDATA[', i)) {
        const end = input.indexOf(']]>', i);
        if (end < 0) fail('an unterminated CDATA section');
        node.text += input.slice(i + 9, end);
        i = end + 3;
      } else if (input.startsWith('<!--', i)) {
        const end = input.indexOf('-->', i);
        if (end < 0) fail('an unterminated comment');
        i = end + 3;
      } else if (input.startsWith('<?', i) || input.startsWith('<!', i)) {
        fail('markup not accepted here');
      } else if (input.charAt(i) === '<') {
        node.children.push(readElement());
      } else {
        const end = input.indexOf('<', i);
        const stop = end < 0 ? input.length : end;
        node.text += decodeEntities(input.slice(i, stop), i);
        i = stop;
      }
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (i < input.length) fail('content after the root element');
  return root;
}

/** Plural list wrappers whose items are not simply the singular (readers.py ActionReader: discovered_targets). */
const IRREGULAR_LISTS: Record<string, string> = { discovered_targets: 'iscsi_details' };

function isListWrapper(wrapper: string, item: string): boolean {
  return (
    IRREGULAR_LISTS[wrapper] === item ||
    wrapper === `${item}s` ||
    wrapper === `${item}es` ||
    (item.endsWith('y') && wrapper === `${item.slice(0, -1)}ies`)
  );
}

function nodeValue(node: XmlNode, root: boolean): XmlValue {
  const hasAttrs = Object.keys(node.attrs).length > 0;
  if (node.children.length === 0 && !hasAttrs && !root) return node.text;
  if (node.children.length > 0 && node.text.trim() !== '') {
    throw new XmlSyntaxError(`<${node.name}> mixes text and elements`);
  }
  const o: XmlObject = { ...node.attrs };
  if (node.children.length === 0 && node.text.trim() !== '') {
    throw new XmlSyntaxError(`<${node.name}> has text where elements or attributes are expected`);
  }
  const first = node.children[0]?.name;
  const plural = first !== undefined && node.children.every((c) => c.name === first) && isListWrapper(node.name, first);
  const groups = new Map<string, XmlValue[]>();
  for (const child of node.children) {
    const list = groups.get(child.name) ?? [];
    list.push(nodeValue(child, false));
    groups.set(child.name, list);
  }
  for (const [name, values] of groups) {
    if (name in o) throw new XmlSyntaxError(`<${node.name}> has both an attribute and an element "${name}"`);
    o[name] = plural || values.length > 1 ? values : (values[0] ?? '');
  }
  return o;
}

/**
 * An XML request body as the JSON body would be: the root element's content (the root name is the resource's,
 * `<action>`, `<disk>`, `<disk_attachment>`), attributes as properties, a repeated child or the children of a plural
 * wrapper (`<logical_units><logical_unit>`) as an array, text as strings, an empty element as "".
 */
export function xmlToJson(input: string): { root: string; body: XmlObject } {
  const node = parseXmlDocument(input);
  const body = nodeValue(node, true);
  if (typeof body === 'string' || Array.isArray(body)) throw new XmlSyntaxError('the root element has no content object');
  return { root: node.name, body };
}
