/**
 * The in-place editor for a runnable block: CodeMirror 6 with Rust
 * highlighting, loaded only when the learner presses Edit. It follows
 * Starlight's theme (One Dark in dark mode) and keeps Tab for moving focus,
 * so the keyboard never gets trapped in the editor.
 */
import { rust } from '@codemirror/lang-rust';
import { Compartment, EditorState } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { basicSetup, EditorView } from 'codemirror';

export interface CodeEditor {
	code(): string;
	focus(): void;
	destroy(): void;
}

export function mountEditor(parent: HTMLElement, doc: string, label: string, onChange: (code: string) => void): CodeEditor {
	const theme = new Compartment();
	const dark = () => (document.documentElement.dataset['theme'] === 'dark' ? oneDark : []);
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc,
			extensions: [
				basicSetup,
				rust(),
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
