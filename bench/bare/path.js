// The path floor: the bare SCO, then the clicks the benchmark's learner makes before the course's
// first decision (module list → module start → two narrative steps), each view a heading and a
// button, focus moved to the new heading as an accessible SCO must; then a decision (radios). No
// course and no framework: what any SCO pays for that path in this LMS page and this browser.
// One self-contained script, like bare.js, so that the two floors load alike.

/** Views before the decision: the course's path has four clicks (bench/REPORT.md, "clicks"). */
const VIEWS = 4;

function initialise() {
  for (let win = window, hops = 0; win && hops < 500; hops++) {
    try {
      if (win.API_1484_11) return win.API_1484_11.Initialize('') === 'true';
      if (win.API) return win.API.LMSInitialize('') === 'true';
    } catch {
      // Another origin: keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return false;
}

const status = initialise() ? 'initialised' : 'no LMS';
let view = 0;

function show() {
  const heading = document.createElement('h1');
  heading.tabIndex = -1;
  if (view < VIEWS) {
    heading.textContent = `Bare path (${status}): view ${view + 1} of ${VIEWS}`;
    const onward = document.createElement('button');
    onward.type = 'button';
    onward.textContent = 'Continue';
    onward.addEventListener('click', () => {
      view++;
      show();
    });
    document.body.replaceChildren(heading, onward);
  } else {
    heading.textContent = `Bare path (${status}): the decision`;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = 'What do you do?';
    fieldset.append(legend);
    for (const [i, text] of ['Option A', 'Option B', 'Option C'].entries()) {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'choice';
      radio.value = String(i);
      label.append(radio, ` ${text}`);
      fieldset.append(label);
    }
    document.body.replaceChildren(heading, fieldset);
  }
  if (view > 0) heading.focus();
}

show();
