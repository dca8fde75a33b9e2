// The XML codec (xml.ts): the engine's XML rendering of the emulator's JSON, and XML request bodies as the SDK
// writes them (python-ovirt-engine-sdk4 tests/test_iscsi_discover.py, writers.py) read into the JSON handlers take.
import { describe, expect, it } from 'vitest';
import { parseXmlDocument, toXml, xmlRootFor, xmlToJson, XmlSyntaxError } from './xml';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const body = (xml: string) => xml.slice(DECL.length).trimEnd();

describe('JSON → XML', () => {
  it('makes id and href attributes, and rel on links; arrays repeat the element', () => {
    const xml = toXml('hosts', {
      host: [
        {
          name: 'host1',
          status: 'up',
          href: '/ovirt-engine/api/v4/hosts/h1',
          id: 'h1',
          cluster: { href: '/ovirt-engine/api/v4/clusters/c1', id: 'c1' },
          actions: { link: [{ href: '/ovirt-engine/api/v4/hosts/h1/iscsilogin', rel: 'iscsilogin' }] },
          link: [{ href: '/ovirt-engine/api/v4/hosts/h1/storage', rel: 'storage' }],
        },
      ],
    });
    expect(xml.startsWith(DECL)).toBe(true);
    expect(body(xml)).toBe(
      '<hosts><host href="/ovirt-engine/api/v4/hosts/h1" id="h1"><name>host1</name><status>up</status>' +
        '<cluster href="/ovirt-engine/api/v4/clusters/c1" id="c1"/>' +
        '<actions><link href="/ovirt-engine/api/v4/hosts/h1/iscsilogin" rel="iscsilogin"/></actions>' +
        '<link href="/ovirt-engine/api/v4/hosts/h1/storage" rel="storage"/></host></hosts>',
    );
  });

  it('renders the empty collection as an empty root, and a list of one as one element', () => {
    expect(body(toXml('hosts', {}))).toBe('<hosts/>');
    expect(body(toXml('disk_attachments', { disk_attachment: [{ id: 'd1' }] }))).toBe('<disk_attachments><disk_attachment id="d1"/></disk_attachments>');
  });

  it('keeps list wrappers, lists of strings and nested objects', () => {
    expect(
      body(
        toXml('action', {
          iscsi_targets: { iscsi_target: ['iqn.a', 'iqn.b'] },
          discovered_targets: { iscsi_details: [{ address: '10.0.0.1', port: '3260', portal: '10.0.0.1:3260,1', target: 'iqn.a' }] },
          status: 'complete',
        }),
      ),
    ).toBe(
      '<action><iscsi_targets><iscsi_target>iqn.a</iscsi_target><iscsi_target>iqn.b</iscsi_target></iscsi_targets>' +
        '<discovered_targets><iscsi_details><address>10.0.0.1</address><port>3260</port><portal>10.0.0.1:3260,1</portal>' +
        '<target>iqn.a</target></iscsi_details></discovered_targets><status>complete</status></action>',
    );
  });

  it('escapes text and attributes, keeps rel an element outside links, writes dates as xs:dateTime', () => {
    expect(body(toXml('fault', { reason: 'Operation Failed', detail: '[Cannot add Disk: "a" < b & c]' }))).toBe(
      '<fault><reason>Operation Failed</reason><detail>[Cannot add Disk: "a" &lt; b &amp; c]</detail></fault>',
    );
    expect(body(toXml('x', { id: 'a"b', rel: 'r' }))).toBe('<x id="a&quot;b"><rel>r</rel></x>');
    expect(body(toXml('job', { start_time: Date.UTC(2024, 4, 1, 10, 0, 0), status: 'finished' }))).toBe(
      '<job><start_time>2024-05-01T10:00:00.000+00:00</start_time><status>finished</status></job>',
    );
  });

  it('renders a failed action with its fault', () => {
    expect(body(toXml('action', { async: 'false', status: 'failed', fault: { reason: 'Operation Failed', detail: '[x]' } }))).toBe(
      '<action><async>false</async><status>failed</status><fault><reason>Operation Failed</reason><detail>[x]</detail></fault></action>',
    );
  });
});

describe('the root element of an answer', () => {
  it('names every collection the emulator serves as readers.py registers it', () => {
    const cases: Array<[string, string]> = [
      ['/hosts', 'hosts'],
      ['/vms', 'vms'],
      ['/disks', 'disks'],
      ['/vms/:id/diskattachments', 'disk_attachments'],
      ['/storagedomains', 'storage_domains'],
      ['/datacenters', 'data_centers'],
      ['/clusters', 'clusters'],
      ['/jobs', 'jobs'],
      ['/jobs/:id/steps', 'steps'],
      ['/events', 'events'],
      ['/storageconnections', 'storage_connections'],
      ['/hosts/:id/storage', 'host_storages'],
      ['', 'api'],
    ];
    for (const [route, root] of cases) expect(xmlRootFor(route, 'GET', 200, {}), route).toBe(root);
  });

  it('names an entity, a created entity, an action, a removal and a fault', () => {
    expect(xmlRootFor('/hosts/:id', 'GET', 200, {})).toBe('host');
    expect(xmlRootFor('/vms/:id/diskattachments/:diskId', 'GET', 200, {})).toBe('disk_attachment');
    expect(xmlRootFor('/storageconnections/:id', 'GET', 200, {})).toBe('storage_connection');
    expect(xmlRootFor('/disks', 'POST', 201, {})).toBe('disk');
    expect(xmlRootFor('/vms/:id/diskattachments', 'POST', 201, {})).toBe('disk_attachment');
    expect(xmlRootFor('/hosts/:id/iscsidiscover', 'POST', 200, {})).toBe('action');
    expect(xmlRootFor('/vms/:id/start', 'POST', 400, { status: 'failed', fault: { reason: 'x' } })).toBe('action');
    expect(xmlRootFor('/disks/:id', 'DELETE', 200, {})).toBe('action');
    expect(xmlRootFor('/disks', 'POST', 400, { reason: 'Incomplete parameters', detail: 'x' })).toBe('fault');
    expect(xmlRootFor('/hosts/:id/iscsilogin', 'POST', 400, { reason: 'Incomplete parameters', detail: 'x' })).toBe('fault');
  });
});

describe('XML → JSON (request bodies as the SDK writes them)', () => {
  it('reads an action: the root content, text as strings', () => {
    // python-ovirt-engine-sdk4 tests/test_iscsi_discover.py: the exact body HostService.iscsi_discover sends.
    expect(xmlToJson('<action><iscsi><address>iscsi.example.com</address><port>3260</port></iscsi></action>')).toEqual({
      root: 'action',
      body: { iscsi: { address: 'iscsi.example.com', port: '3260' } },
    });
    expect(xmlToJson('<action/>')).toEqual({ root: 'action', body: {} });
    expect(xmlToJson('<action />')).toEqual({ root: 'action', body: {} });
  });

  it('reads the indented body the SDK writes (Writer.write(indent=True)), attributes as properties, plural wrappers as arrays', () => {
    const xml = [
      '<disk>',
      '  <alias>db-lun</alias>',
      '  <lun_storage>',
      '    <host id="h1"/>',
      '    <logical_units>',
      '      <logical_unit id="3600a0b8">',
      '        <address>10.0.0.1</address>',
      '        <port>3260</port>',
      '        <target>iqn.2024-03.com.example:a</target>',
      '      </logical_unit>',
      '    </logical_units>',
      '    <type>iscsi</type>',
      '  </lun_storage>',
      '  <shareable>false</shareable>',
      '</disk>',
      '',
    ].join('\n');
    expect(xmlToJson(xml).body).toEqual({
      alias: 'db-lun',
      lun_storage: {
        host: { id: 'h1' },
        logical_units: { logical_unit: [{ id: '3600a0b8', address: '10.0.0.1', port: '3260', target: 'iqn.2024-03.com.example:a' }] },
        type: 'iscsi',
      },
      shareable: 'false',
    });
  });

  it('makes repeated children an array, a single one not (unless its parent is its plural)', () => {
    expect(xmlToJson('<vm><placement_policy><hosts><host><name>h1</name></host></hosts></placement_policy></vm>').body).toEqual({
      placement_policy: { hosts: { host: [{ name: 'h1' }] } },
    });
    expect(xmlToJson('<x><a>1</a><a>2</a><b>3</b></x>').body).toEqual({ a: ['1', '2'], b: '3' });
    expect(xmlToJson('<x><os><type>rhel_9x64</type></os></x>').body).toEqual({ os: { type: 'rhel_9x64' } });
  });

  it('decodes entities, character references and CDATA; skips the declaration and comments', () => {
    expect(
      xmlToJson('<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><action><iscsi><password>a&amp;b&lt;&#65;&#x42;<![CDATA[<c>]]></password></iscsi></action>').body,
    ).toEqual({ iscsi: { password: 'a&b<AB<c>' } });
  });

  it('round-trips what toXml writes', () => {
    const json = {
      lun_storage: { id: 'l1', type: 'iscsi', logical_units: { logical_unit: [{ id: 'l1', address: 'a', port: '3260' }] } },
      link: [{ href: '/x', rel: 'permissions' }, { href: '/y', rel: 'statistics' }],
      href: '/ovirt-engine/api/v4/disks/d1',
      id: 'd1',
      name: 'x & y',
    };
    expect(xmlToJson(toXml('disk', json))).toEqual({ root: 'disk', body: json });
  });

  it('refuses what is not well-formed, and any DOCTYPE', () => {
    for (const bad of [
      '',
      '<action>',
      '<action></disk>',
      '<action><iscsi></action>',
      '<a b=c/>',
      '<a>x &nbsp; y</a>',
      '<a>1 & 2</a>',
      '<a/><b/>',
      '<a><b>1</b>text</a>',
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a b="1" b="2"/>',
    ]) {
      expect(() => xmlToJson(bad), bad).toThrow(XmlSyntaxError);
    }
    expect(() => parseXmlDocument('<a>ok</a> trailing')).toThrow(XmlSyntaxError);
  });
});
