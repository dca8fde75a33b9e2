#!/usr/bin/env python3
"""Extract the documented arguments the "request as code" snippets may use, from the upstream mirrors, into
src/engine-api/request-as-code.upstream.json (checked in; the unit tests check every snippet against it).

  python3 scripts/extract-request-as-code-fixture.py > src/engine-api/request-as-code.upstream.json

Ansible: each module's DOCUMENTATION options (and suboptions, choices) plus the collection's common doc fragment
(plugins/doc_fragments/ovirt.py: auth, wait, timeout, ...). SDK: the keyword parameters of the types' constructors,
the members of the enums, and the methods (with parameters) of the services the snippets call. Needs PyYAML.
"""
import ast
import json
import subprocess
import sys

import yaml

ANSIBLE = '/work/.mirror/oVirt+ovirt-ansible-collection/repo'
SDK = '/work/.mirror/oVirt+python-ovirt-engine-sdk4/repo'
MODULES = ['ovirt_disk', 'ovirt_vm', 'ovirt_host']
TYPES = ['Disk', 'DiskAttachment', 'HostStorage', 'LogicalUnit', 'Host', 'IscsiDetails', 'Cluster']
ENUMS = ['DiskInterface', 'ScsiGenericIO', 'StorageType']
SERVICES = ['SystemService', 'DisksService', 'VmsService', 'VmService', 'DiskAttachmentsService',
            'DiskAttachmentService', 'HostsService', 'HostService']


def git(repo, *args):
    return subprocess.run(['git', '--git-dir=' + repo, *args], check=True, capture_output=True, text=True).stdout


def line_of(text, needle):
    for i, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return i
    raise SystemExit('not found: ' + needle)


def doc_of(path, src):
    tree = ast.parse(src)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == 'DOCUMENTATION' for t in node.targets):
            return yaml.safe_load(node.value.value)
    raise SystemExit('no DOCUMENTATION in ' + path)


def options_of(opts):
    out = {}
    for name, spec in sorted((opts or {}).items()):
        entry = {}
        if spec.get('choices'):
            entry['choices'] = [str(c) for c in spec['choices']]
        if spec.get('aliases'):
            entry['aliases'] = spec['aliases']
        if spec.get('suboptions'):
            entry['suboptions'] = sorted(spec['suboptions'].keys())
        out[name] = entry
    return out


def ansible():
    commit = git(ANSIBLE, 'rev-parse', 'HEAD').strip()
    frag_path = 'plugins/doc_fragments/ovirt.py'
    frag_src = git(ANSIBLE, 'show', 'HEAD:' + frag_path)
    frag = doc_of(frag_path, frag_src)
    modules = {}
    for m in MODULES:
        path = 'plugins/modules/%s.py' % m
        src = git(ANSIBLE, 'show', 'HEAD:' + path)
        doc = doc_of(path, src)
        modules['ovirt.ovirt.' + m] = {
            'file': path,
            'documentationLine': line_of(src, "DOCUMENTATION = '''"),
            'options': options_of(doc['options']),
        }
    return {'repo': 'oVirt/ovirt-ansible-collection', 'commit': commit,
            'commonFile': frag_path, 'common': options_of(frag['options']), 'modules': modules}


def classes(src):
    return {n.name: n for n in ast.parse(src).body if isinstance(n, ast.ClassDef)}


def params(fn):
    return [a.arg for a in fn.args.args[1:]] + [a.arg for a in fn.args.kwonlyargs]


def sdk():
    commit = git(SDK, 'rev-parse', 'HEAD').strip()
    types_src = git(SDK, 'show', 'HEAD:lib/ovirtsdk4/types.py')
    services_src = git(SDK, 'show', 'HEAD:lib/ovirtsdk4/services.py')
    tc = classes(types_src)
    sc = classes(services_src)
    types = {}
    for t in TYPES:
        init = next(f for f in tc[t].body if isinstance(f, ast.FunctionDef) and f.name == '__init__')
        types[t] = {'line': tc[t].lineno, 'params': params(init)}
    enums = {}
    for e in ENUMS:
        members = [a.targets[0].id for a in tc[e].body if isinstance(a, ast.Assign) and isinstance(a.targets[0], ast.Name)]
        enums[e] = {'line': tc[e].lineno, 'members': members}
    services = {}
    for s in SERVICES:
        services[s] = {'line': sc[s].lineno, 'methods': {
            f.name: {'line': f.lineno, 'params': params(f)}
            for f in sc[s].body if isinstance(f, ast.FunctionDef) and not f.name.startswith('_')
        }}
    init_src = git(SDK, 'show', 'HEAD:lib/ovirtsdk4/__init__.py')
    conn = classes(init_src)['Connection']
    conn_init = next(f for f in conn.body if isinstance(f, ast.FunctionDef) and f.name == '__init__')
    connection = {'file': 'lib/ovirtsdk4/__init__.py', 'line': conn.lineno, 'params': params(conn_init),
                  'methods': [f.name for f in conn.body if isinstance(f, ast.FunctionDef) and not f.name.startswith('_')]}
    return {'repo': 'oVirt/python-ovirt-engine-sdk4', 'commit': commit, 'typesFile': 'lib/ovirtsdk4/types.py',
            'connection': connection,
            'servicesFile': 'lib/ovirtsdk4/services.py', 'types': types, 'enums': enums, 'services': services}


json.dump({'generatedBy': 'scripts/extract-request-as-code-fixture.py', 'ansible': ansible(), 'sdk': sdk()},
          sys.stdout, indent=1, sort_keys=True)
sys.stdout.write('\n')
