// Monaco's editor worker (diffs, links, word ranges), bundled locally: no CDN (toolchain-notes §3).
import 'monaco-editor/editor/editor.worker'
