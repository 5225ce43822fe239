/**
 * The in-place editor for a runnable block: CodeMirror 6 with Rust
 * highlighting, loaded only when the learner presses Edit. Tab keeps moving
 * focus, so the keyboard is never trapped in the editor.
 *
 * Colours follow Starlight's theme: its own background and gray for the
 * gutter, and in dark mode One Dark's token colours, which meet contrast on
 * Starlight's darker background (not on One Dark's own). Lines wrap and the
 * editor grows with its code, so it is never a scroll region of its own.
 */
import { rust } from '@codemirror/lang-rust';
import { syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { oneDarkHighlightStyle } from '@codemirror/theme-one-dark';
import { basicSetup, EditorView } from 'codemirror';

const starlightColours = EditorView.theme({
	'&': { backgroundColor: 'var(--sl-color-black)', color: 'var(--sl-color-white)' },
	'.cm-gutters': { backgroundColor: 'var(--sl-color-black)', color: 'var(--sl-color-gray-3)', border: 'none' },
	'.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'transparent' },
	'.cm-cursor': { borderLeftColor: 'var(--sl-color-white)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--sl-color-accent-low)' },
});

export interface CodeEditor {
	code(): string;
	focus(): void;
	destroy(): void;
}

export function mountEditor(parent: HTMLElement, doc: string, label: string, onChange: (code: string) => void): CodeEditor {
	const theme = new Compartment();
	const dark = () => (document.documentElement.dataset['theme'] === 'dark' ? syntaxHighlighting(oneDarkHighlightStyle) : []);
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc,
			extensions: [
				basicSetup,
				rust(),
				starlightColours,
				EditorView.lineWrapping,
				theme.of(dark()),
				EditorView.contentAttributes.of({ 'aria-label': label }),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) onChange(update.state.doc.toString());
				}),
			],
		}),
	});
	const follow = new MutationObserver(() => view.dispatch({ effects: theme.reconfigure(dark()) }));
	follow.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	return {
		code: () => view.state.doc.toString(),
		focus: () => view.focus(),
		destroy() {
			follow.disconnect();
			view.destroy();
		},
	};
}
