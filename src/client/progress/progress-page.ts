/**
 * The Your progress page: shows the report at once, and loads the code
 * behind its buttons (export, import, reset; ./progress-actions.ts) only
 * when one is used. Another tab that records progress updates the report.
 */
import { showProgress } from './progress-view.ts';

const root = document.querySelector<HTMLElement>('[data-progress-report]');
if (root) {
	showProgress(root);
	addEventListener('storage', () => showProgress(root));
	const act = (event: Event) => {
		const control = (event.target as Element).closest<HTMLElement>('[data-action]');
		if (!control || (event.type === 'click') === (control instanceof HTMLInputElement && control.type === 'file')) return;
		void import('./progress-actions.ts').then((actions) => actions.run(control, root));
	};
	root.addEventListener('click', act);
	root.addEventListener('change', act);
}
