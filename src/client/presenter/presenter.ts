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
	/** Shows the section holding a heading or a code line, leaving its link in the address and scrolling to it. */
	const showKeepingHash = (index: number) => {
		const hash = location.hash;
		show(index);
		history.replaceState(null, '', hash);
		document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
	};

	previous!.addEventListener('click', () => show(current - 1));
	next!.addEventListener('click', () => show(current + 1));
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
		const target = event.target as HTMLElement;
		if (target.closest('input, textarea, select, [contenteditable], .cm-editor, dialog')) return;
		// A focused scroll region (a wide table, a program's output) keeps
		// the keys it scrolls with: ← → when it is wider than its box, Home
		// and End when it overflows at all. The notes only scroll down, so
		// ← → still move between sections from there.
		const region = target.closest<HTMLElement>('[tabindex="0"]');
		const wide = region && region.scrollWidth > region.clientWidth;
		const tall = region && region.scrollHeight > region.clientHeight;
		if ((/^Arrow(Left|Right)$/.test(event.key) && wide) || (/^(Home|End)$/.test(event.key) && (wide || tall))) return;
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

	/** The section a hash names: #3, or the section holding the element a heading's or a code line's link names. */
	const fromHash = (): number | undefined => {
		const hash = location.hash.slice(1);
		if (/^\d+$/.test(hash)) return Number(hash) - 1;
		let target: HTMLElement | null = null;
		try {
			target = document.getElementById(decodeURIComponent(hash));
		} catch {
			// a malformed %-escape names nothing
		}
		const index = target ? sections.findIndex((section) => section.contains(target)) : -1;
		return index === -1 ? undefined : index;
	};
	// The section the address names, on opening and for a link followed
	// while the view is open: a section (#3) is shown from its top; a
	// heading's or a code line's link keeps its place in the address and
	// is scrolled to. A hash that names nothing here changes nothing.
	const follow = (opening: boolean) => {
		const index = fromHash();
		if (index === undefined) {
			if (opening) show(0);
			return;
		}
		if (/^\d+$/.test(location.hash.slice(1))) show(index);
		else showKeepingHash(index);
	};
	follow(true);
	addEventListener('hashchange', () => follow(false));
}
