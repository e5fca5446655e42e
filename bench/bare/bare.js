// The benchmark's floor: a SCO that only finds the LMS API (this window, then its parents),
// initialises and shows a heading. Launched like the course, from its zip in the preview LMS frame.
const find = () => {
  for (let win = window, hops = 0; win && hops < 500; hops++) {
    try {
      if (win.API_1484_11) return { api: win.API_1484_11, init: 'Initialize' };
      if (win.API) return { api: win.API, init: 'LMSInitialize' };
    } catch {
      // Another origin: keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return undefined;
};

const found = find();
const ok = found ? found.api[found.init]('') === 'true' : false;
const heading = document.createElement('h1');
heading.textContent = ok ? 'Bare SCO: initialised' : 'Bare SCO: no LMS';
document.body.append(heading);
