/**
 * The presenter view (src/pages/present/[...slug].astro): splits the
 * lesson's content into sections at its `##` headings, shows one at a time,
 * and puts that section's speaker notes beside it, open (the lesson's plan,
 * from before the first heading, where a section has none of its own).
 *
 * Keys: → Page Down Space next, ← Page Up Shift+Space previous, Home, End,
 * Escape back to the lesson. Keys typed into a field or an editor, Space on
 * a control, and arrows in a focused scroll region are left alone. The section is kept in the address (#3), so a reload or a shared
 * link opens the same one.
 */
const root = document.querySelector<HTMLElement>('[data-presenter]');
const slides = root?.querySelector<HTMLElement>('[data-presenter-slides] .sl-markdown-content') ?? root?.querySelector<HTMLElement>('[data-presenter-slides]');

if (root && slides) {
	const notesPanel = root.querySelector<HTMLElement>('[data-presenter-notes]')!;
	const position = root.querySelector<HTMLElement>('[data-presenter-position]')!;
	const [previous, next] = root.querySelectorAll<HTMLButtonElement>('[data-presenter-step]');

	// Sections: what comes before the first `##`, then one per `##`.
	const sections: HTMLElement[] = [document.createElement('section')];
	for (const node of [...slides.children]) {
		if (node.matches('.sl-heading-wrapper.level-h2, h2')) sections.push(document.createElement('section'));
		sections.at(-1)!.append(node);
	}
	slides.replaceChildren(...sections);

	const titleOf = (section: HTMLElement, index: number) => (index === 0 ? 'Introduction' : (section.querySelector('h2')?.textContent?.trim() ?? `Section ${index + 1}`));
	const notesOf = (section: HTMLElement) => [...section.querySelectorAll<HTMLDetailsElement>('details.speaker-notes')];
	const plan = notesOf(sections[0]!);

	let current = 0;
	const show = (index: number) => {
		current = Math.max(0, Math.min(sections.length - 1, index));
		sections.forEach((section, i) => (section.hidden = i !== current));
		const section = sections[current]!;
		const own = notesOf(section);
		const notes = own.length ? own : plan;
		const heading = Object.assign(document.createElement('p'), {
			className: 'presenter-notes-title',
			textContent: notes.length === 0 ? 'No speaker notes for this lesson.' : own.length ? 'Notes for this section' : 'The lesson’s plan',
		});
		notesPanel.replaceChildren(heading, ...notes.map((details) => details.querySelector('.speaker-notes-body')!.cloneNode(true)));
		// Notes beside the section are not shown twice inside it.
		for (const details of own) details.hidden = true;
		position.textContent = `Section ${current + 1} of ${sections.length}: ${titleOf(section, current)}`;
		previous!.disabled = current === 0;
		next!.disabled = current === sections.length - 1;
		history.replaceState(null, '', `#${current + 1}`);
		window.scrollTo(0, 0);
	};

	previous!.addEventListener('click', () => show(current - 1));
	next!.addEventListener('click', () => show(current + 1));
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
		const target = event.target as HTMLElement;
		if (target.closest('input, textarea, select, [contenteditable], .cm-editor, dialog')) return;
		// A focused scroll region (a wide table, the notes, a program's
		// output) keeps its arrows, Home and End for scrolling.
		if (target.closest('[tabindex="0"]') && /^(Arrow|Home|End)/.test(event.key)) return;
		const step: Record<string, () => number | undefined> = {
			ArrowRight: () => current + 1,
			PageDown: () => current + 1,
			' ': () => (event.shiftKey ? current - 1 : current + 1),
			ArrowLeft: () => current - 1,
			PageUp: () => current - 1,
			Home: () => 0,
			End: () => sections.length - 1,
		};
		if (event.key === 'Escape') {
			location.href = root.dataset['lesson']!;
			return;
		}
		const to = step[event.key]?.();
		if (to === undefined) return;
		// Space on a button presses it, on a summary opens it; elsewhere it moves on.
		if (event.key === ' ' && target.closest('button, a, summary')) return;
		event.preventDefault();
		show(to);
	});

	const fromHash = () => {
		const n = Number(location.hash.slice(1));
		return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
	};
	show(fromHash());
	// A section's link followed while the view is open (#3).
	addEventListener('hashchange', () => show(fromHash()));
}
