import { expect, fixture, html } from '@open-wc/testing';
import { getPictogram, pictogramSvg, registerPictogram, sanitizeSvg, type PictogramCard } from '../src/index.js';
import '../src/define.js';
import '../../../scripts/testing/index.js';

declare global {
  var __pwned: string[] | undefined;
}

const shape = '<path d="M4 4h16v16H4z"/>';
const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"${attributes}>${inner}</svg>`;
const quiet = <T>(run: () => T): T => {
  const { warn, error } = console;
  console.warn = () => {};
  console.error = () => {};
  try {
    return run();
  } finally {
    console.warn = warn;
    console.error = error;
  }
};

/** Every attribute and element name in a built SVG, for "nothing dangerous is left" checks. */
function inventory(element: Element): string {
  return [element, ...element.querySelectorAll('*')]
    .map((e) => `<${e.localName} ${[...e.attributes].map((a) => `${a.name}="${a.value}"`).join(' ')}>`)
    .join('');
}

// Hostile SVGs of the kinds seen in upload filters' bug reports and the OWASP cheat sheets.
const hostile: Record<string, string> = {
  'a script element': svg(`<script>globalThis.__pwned=['script']</script>${shape}`),
  'a script in the XHTML namespace': svg(`<script xmlns="http://www.w3.org/1999/xhtml">globalThis.__pwned=['xhtml']</script>${shape}`),
  'event handlers': svg(`<path d="M4 4h16" onclick="__pwned=['click']" onmouseover="x()"/>`, ` onload="globalThis.__pwned=['onload']"`),
  'a javascript: link around a shape': svg(`<a href="javascript:globalThis.__pwned=['a']"><path d="M4 4h16"/></a>${shape}`),
  'an xlink:href link': svg(
    `<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:globalThis.__pwned=['xlink']"><path d="M4 4h16"/></a>${shape}`,
  ),
  'foreignObject with HTML': svg(
    `<foreignObject width="24" height="24"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="globalThis.__pwned=['img']"/></foreignObject>${shape}`,
  ),
  'an external <use>': svg(`<use href="https://evil.example/sprite.svg#icon"/>${shape}`),
  'an external <image>': svg(`<image href="https://evil.example/track.png" width="24" height="24"/>${shape}`),
  'a data: image': svg(`<image href="data:image/svg+xml;base64,PHN2Zy8+" width="24" height="24"/>${shape}`),
  'a <style> with @import and url()': svg(`<style>@import url(https://evil.example/a.css); path { fill: url(https://evil.example/b) }</style>${shape}`),
  'a style attribute with url()': svg(`<path d="M4 4h16" style="fill: url(https://evil.example/c); behavior: url(x.htc)"/>`),
  'a fill that references something': svg(`<path d="M4 4h16" fill="url(https://evil.example/d#g)" stroke="url(#local)"/>`),
  'animation that rewrites a link': svg(`<path d="M4 4h16"><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onclick" to="alert(1)"/></path>`),
  'filters, masks and clip paths': svg(`<defs><filter id="f"/><mask id="m"/></defs><path d="M4 4h16" filter="url(#f)" mask="url(#m)" clip-path="url(#c)"/>`),
  'path data with something else in it': svg(`<path d="M4 4h16 javascript:alert(1)"/>${shape}`),
  'a transform with something else in it': svg(`<g transform="translate(1) url(x)">${shape}</g>`),
  'ids, classes and data attributes': svg(`<path id="p" class="c" data-x="1" d="M4 4h16"/>`),
  'an iframe smuggled as a child': svg(`<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"></iframe>${shape}`),
  'text (not translatable, and a vector for spoofing)': svg(`<text x="0" y="12">Call 0900 premium</text>${shape}`),
};

const refused: Record<string, string> = {
  'not XML at all': '<svg><path d="M0 0"></svg',
  'an HTML document': '<html><body><script>globalThis.__pwned=["html"]</script></body></html>',
  'SVG without the SVG namespace': '<svg viewBox="0 0 24 24"><path d="M4 4h16"/></svg>',
  'entity definitions (billion laughs)': `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>${svg('<path d="M4 4h16"/>')}`,
  'an external entity': `<!DOCTYPE svg [<!ENTITY x SYSTEM "https://evil.example/x">]>${svg('<path d="&x;"/>')}`,
  'nothing but a script': svg(`<script>globalThis.__pwned=['only']</script>`),
  'more than 100 000 characters': svg(shape.repeat(6000)),
  'an empty string': '',
};

describe('sanitizeSvg: SVGs nobody here wrote', () => {
  beforeEach(() => {
    globalThis.__pwned = undefined;
  });

  for (const [name, markup] of Object.entries(hostile)) {
    it(`removes ${name}, keeps the shapes, and runs nothing when shown`, async () => {
      const result = sanitizeSvg(markup);
      expect(result.error, result.error).to.equal(undefined);
      expect(result.removed.length, 'reports what it removed').to.be.greaterThan(0);
      const id = `hostile-${Object.keys(hostile).indexOf(name)}`;
      const registered = quiet(() => registerPictogram({ id, svg: markup, label: 'Test' }));
      expect(registered.ok).to.equal(true);
      const el = await fixture<PictogramCard>(html`<ww-pictogram-card pictogram=${id}><div lang="de"><h3>Test</h3></div></ww-pictogram-card>`);
      await el.updateComplete;
      await el.updateComplete;
      const shown = el.shadowRoot!.querySelector('[part="pictogram"] svg')!;
      expect(shown, 'the pictogram is shown').to.not.equal(null);
      const left = inventory(shown);
      expect(left).to.not.match(/script|href|on\w+=|url\(|foreignobject|<use|<image|<a |<style|<animate|<set|<text|<iframe|javascript|evil|style=|filter|mask|clip-path|id=|class=|data-/i);
      expect(shown.querySelectorAll('path').length).to.be.greaterThan(0);
      // Give any handler, load or error event a chance to fire.
      shown.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(globalThis.__pwned).to.equal(undefined);
    });
  }

  for (const [name, markup] of Object.entries(refused)) {
    it(`refuses ${name}`, () => {
      const result = sanitizeSvg(markup);
      expect(result.svg).to.equal(undefined);
      expect(result.error).to.be.a('string');
      expect(quiet(() => registerPictogram({ id: 'refused', svg: markup, label: 'Test' })).ok).to.equal(false);
      expect(getPictogram('refused')).to.equal(undefined);
      expect(globalThis.__pwned).to.equal(undefined);
    });
  }

  it('turns every colour into currentColor and keeps "none"', () => {
    const result = sanitizeSvg(svg('<path d="M4 4h16" fill="#e30613" stroke="rgb(0,0,0)"/><circle cx="12" cy="12" r="3" fill="none" stroke="red"/>'));
    const built = pictogramSvg({ id: 'x', svg: registerAndGet('colours', result.svg ? svg('<path d="M4 4h16" fill="#e30613" stroke="rgb(0,0,0)"/><circle cx="12" cy="12" r="3" fill="none" stroke="red"/>') : ''), label: () => '', keywords: () => '' });
    expect(built.querySelector('path')!.getAttribute('fill')).to.equal('currentColor');
    expect(built.querySelector('path')!.getAttribute('stroke')).to.equal('currentColor');
    expect(built.querySelector('circle')!.getAttribute('fill')).to.equal('none');
    expect(built.querySelector('circle')!.getAttribute('stroke')).to.equal('currentColor');
  });

  it('keeps the geometry of allowed shapes, groups and transforms', () => {
    const markup = svg(
      '<g transform="translate(2 2) rotate(45)" stroke-width="1.5"><rect x="1" y="1" width="10" height="10" rx="2"/><polyline points="1,2 3,4"/><ellipse cx="5" cy="5" rx="2" ry="1"/><line x1="0" y1="0" x2="4" y2="4"/></g>',
    );
    const result = sanitizeSvg(markup);
    expect(result.removed).to.deep.equal([]);
    const built = pictogramSvg({ id: 'x', svg: registerAndGet('geometry', markup), label: () => '', keywords: () => '' });
    expect(built.querySelector('g')!.getAttribute('transform')).to.equal('translate(2 2) rotate(45)');
    expect(built.querySelector('rect')!.getAttribute('rx')).to.equal('2');
    expect(built.querySelector('polyline')!.getAttribute('points')).to.equal('1,2 3,4');
    expect(built.getAttribute('viewBox')).to.equal('0 0 24 24');
    expect(built.getAttribute('aria-hidden')).to.equal('true');
  });

  it('makes a viewBox from width and height when there is none', () => {
    const result = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="48" height="32"><path d="M0 0h48"/></svg>');
    expect(result.svg!.viewBox).to.equal('0 0 48 32');
  });

  it('refuses bad ids and missing labels', () => {
    expect(quiet(() => registerPictogram({ id: 'Not Valid', svg: svg(shape), label: 'x' })).ok).to.equal(false);
    expect(quiet(() => registerPictogram({ id: 'ok-id', svg: svg(shape), label: '' })).ok).to.equal(false);
  });

  it('names a registered pictogram per language', () => {
    registerPictogram({ id: 'named', svg: svg(shape), label: { de: 'Duschen', en: 'Showers' }, keywords: { de: 'Bad', en: 'bath' } });
    const p = getPictogram('named')!;
    expect(p.label('de')).to.equal('Duschen');
    expect(p.label('en-GB')).to.equal('Showers');
    expect(p.label('ro')).to.equal('Duschen');
    expect(p.keywords('en')).to.equal('bath');
  });
});

function registerAndGet(id: string, markup: string): SVGSVGElement {
  quiet(() => registerPictogram({ id, svg: markup, label: id }));
  return getPictogram(id)!.svg!;
}

describe('a site registers its pictogram after the card rendered', () => {
  it('the waiting card shows it then, without a reload', async () => {
    const el = await quiet(() => fixture<PictogramCard>(html`<ww-pictogram-card pictogram="late-house"><div lang="de"><h3>Haus</h3></div></ww-pictogram-card>`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('[part="pictogram"] svg'), 'not there yet').to.equal(null);
    expect(registerPictogram({ id: 'late-house', svg: svg(shape), label: 'Haus' }).ok).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="pictogram"] svg path')).to.not.equal(null);
  });
});
