// The story page: highlights a claim's sentences in the articles, moves through versions, follows live updates.
// Article text is data: it only ever reaches the page through textContent and text nodes.
'use strict';
(function () {
  const controls = document.getElementById('controls');
  if (!controls) {
    return;
  }
  const storyId = controls.dataset.storyId;
  const versions = controls.dataset.versions.split(' ').filter(Boolean).map(Number);
  const slider = document.getElementById('version-slider');
  const label = document.getElementById('version-label');
  const latestButton = document.getElementById('latest-button');
  const liveStatus = document.getElementById('live-status');
  const sinceVisit = document.getElementById('since-visit');
  const seenKey = 'newsroom.seen.' + storyId;
  const views = new Map();     // version -> Promise of the story JSON
  const articles = new Map();  // article id -> Promise of the article JSON
  const changed = new Map();   // claim id -> what changed since the reader last looked
  let shown = Number(story().dataset.version);
  let latest = versions.length ? versions[versions.length - 1] : shown;
  let openClaimId = null;
  let activation = 0;
  let rendering = 0;

  function story() {
    return document.getElementById('story');
  }

  function claimElement(id) {
    return document.getElementById('claim-' + id);
  }

  function getJson(url, cache, key) {
    if (!cache.has(key)) {
      cache.set(key, fetch(url, {headers: {Accept: 'application/json'}}).then(response => {
        if (!response.ok) {
          cache.delete(key);
          throw new Error(url + ' answered ' + response.status);
        }
        return response.json();
      }));
    }
    return cache.get(key);
  }

  function storyJson(version) {
    return getJson('/stories/' + encodeURIComponent(storyId) + '?version=' + version, views, version);
  }

  function articleJson(id) {
    return getJson('/articles/' + encodeURIComponent(id), articles, id);
  }

  // --- claims and their sentences -------------------------------------------------------------------------

  function closeClaim() {
    if (openClaimId === null) {
      return;
    }
    const element = claimElement(openClaimId);
    if (element) {
      element.setAttribute('aria-expanded', 'false');
      element.classList.remove('is-open');
      document.getElementById(element.getAttribute('aria-controls')).hidden = true;
    }
    document.querySelectorAll('.article-text.has-marks').forEach(container => {
      container.textContent = container.textContent;
      container.classList.remove('has-marks');
    });
    openClaimId = null;
  }

  async function openClaim(id, scroll) {
    closeClaim();
    const element = claimElement(id);
    if (!element) {
      return;
    }
    const token = ++activation;
    openClaimId = id;
    element.setAttribute('aria-expanded', 'true');
    element.classList.add('is-open');
    document.getElementById(element.getAttribute('aria-controls')).hidden = false;
    const view = await storyJson(shown);
    const claim = view.claims.find(c => c.id === id);
    if (!claim) {
      return;
    }
    const byArticle = new Map();
    claim.mentions.forEach(m => {
      byArticle.set(m.articleId, (byArticle.get(m.articleId) || []).concat([m]));
    });
    const texts = await Promise.all([...byArticle.keys()].map(articleId => articleJson(articleId)));
    if (token !== activation) {
      return; // another claim was chosen meanwhile
    }
    let first = null;
    texts.forEach(article => {
      const container = document.querySelector('#article-' + CSS.escape(article.id) + ' .article-text');
      if (container) {
        const mark = highlight(container, article.text, byArticle.get(article.id));
        first = first || mark;
      }
    });
    if (first && scroll) {
      reveal(first);
    }
  }

  /** Replaces the container's text with the article's text, the mentions wrapped in <mark>; returns the first mark. */
  function highlight(container, text, mentions) {
    const nodes = [];
    let at = 0;
    let first = null;
    mentions.slice().sort((a, b) => a.start - b.start).forEach(m => {
      // Offsets are UTF-16 indices, as JavaScript strings count; skip any that no longer match the text.
      if (m.start < at || m.end > text.length || text.substring(m.start, m.end) !== m.text) {
        return;
      }
      nodes.push(document.createTextNode(text.substring(at, m.start)));
      const mark = document.createElement('mark');
      mark.textContent = text.substring(m.start, m.end);
      nodes.push(mark);
      first = first || mark;
      at = m.end;
    });
    nodes.push(document.createTextNode(text.substring(at)));
    container.replaceChildren(...nodes);
    container.classList.add('has-marks');
    return first;
  }

  /** Scrolls the article column (when it scrolls on its own, on wide screens) to the mark, leaving the page still. */
  function reveal(mark) {
    const column = mark.closest('.story-articles');
    if (column && getComputedStyle(column).overflowY === 'auto') {
      const top = mark.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
      column.scrollTo({top: Math.max(0, top - column.clientHeight / 3), behavior: 'smooth'});
    }
  }

  function toggleClaim(id) {
    if (openClaimId === id) {
      activation++;
      closeClaim();
    } else {
      openClaim(id, true);
    }
  }

  document.addEventListener('click', event => {
    const claim = event.target.closest('[data-claim-id]');
    if (claim) {
      toggleClaim(claim.dataset.claimId);
      return;
    }
    const cell = event.target.closest('[data-coverage-claim]');
    if (cell) {
      const id = cell.dataset.coverageClaim;
      openClaim(id, true);
      claimElement(id).scrollIntoView({block: 'center', behavior: 'smooth'});
      claimElement(id).focus({preventScroll: true});
    }
  });

  document.addEventListener('keydown', event => {
    const claim = event.target.closest && event.target.closest('[data-claim-id]');
    if (claim && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      toggleClaim(claim.dataset.claimId);
    }
  });

  // --- versions -------------------------------------------------------------------------------------------

  /** Shows the story at a version: the same server-rendered HTML as a page load, swapped in place. */
  async function show(version) {
    const token = ++rendering;
    const response = await fetch('/stories/' + encodeURIComponent(storyId) + '?version=' + version,
        {headers: {Accept: 'text/html'}});
    if (!response.ok || token !== rendering) {
      return;
    }
    // DOMParser builds an inert document (no script runs); Qute has already escaped every text in it.
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('story');
    if (!fresh || token !== rendering) {
      return;
    }
    const column = document.querySelector('.story-articles');
    const scrollTop = column ? column.scrollTop : 0;
    const focused = document.activeElement && document.activeElement.closest
        ? document.activeElement.closest('[data-claim-id]') : null;
    const reopen = openClaimId;
    openClaimId = null;
    story().replaceWith(document.adoptNode(fresh));
    shown = Number(fresh.dataset.version);
    const newColumn = document.querySelector('.story-articles');
    if (newColumn) {
      newColumn.scrollTop = scrollTop;
    }
    markChanged();
    if (reopen && claimElement(reopen)) {
      openClaim(reopen, false);
    }
    if (focused && claimElement(focused.dataset.claimId)) {
      claimElement(focused.dataset.claimId).focus({preventScroll: true});
    }
    updateControls();
  }

  function updateControls() {
    slider.max = String(Math.max(1, versions.length));
    const index = versions.filter(v => v <= shown).length;
    slider.value = String(Math.max(1, index));
    const text = 'version ' + shown + ' of ' + latest;
    label.textContent = text;
    slider.setAttribute('aria-valuetext', text);
    latestButton.hidden = shown >= latest;
    const url = shown >= latest ? location.pathname : location.pathname + '?version=' + shown;
    history.replaceState(null, '', url + location.hash);
  }

  let sliderTimer = null;
  slider.addEventListener('input', () => {
    const version = versions[Number(slider.value) - 1];
    label.textContent = 'version ' + version + ' of ' + latest;
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(() => show(version), 150);
  });

  latestButton.addEventListener('click', () => show(latest));

  // --- what is new -----------------------------------------------------------------------------------------

  const CHANGE_LABELS = {CLAIM_ADDED: 'New', MENTIONS_ADDED: 'More sources', STATUS_CHANGED: 'Status changed'};

  async function loadChanges(since) {
    const response = await fetch('/stories/' + encodeURIComponent(storyId) + '/changes?since=' + since,
        {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      return 0;
    }
    const body = await response.json();
    body.changes.filter(c => c.claimId).forEach(c => {
      if (changed.get(c.claimId) !== 'New') {
        changed.set(c.claimId, CHANGE_LABELS[c.type] || 'Changed');
      }
    });
    markChanged();
    return new Set(body.changes.map(c => c.claimId)).size;
  }

  function markChanged() {
    const current = shown >= latest;
    document.querySelectorAll('[data-claim-id]').forEach(element => {
      const what = current ? changed.get(element.dataset.claimId) : undefined;
      element.classList.toggle('is-new', Boolean(what));
      const tag = element.querySelector('.new-tag');
      tag.textContent = what || '';
      tag.hidden = !what;
    });
  }

  function lastSeen() {
    try {
      return Number(localStorage.getItem(seenKey)) || 0;
    } catch (e) {
      return 0;
    }
  }

  function remember(version) {
    try {
      localStorage.setItem(seenKey, String(version));
    } catch (e) {
      // storage may be disabled; the page works without it
    }
  }

  async function welcome() {
    if (shown < latest) {
      return;
    }
    const seen = lastSeen();
    if (seen > 0 && seen < latest) {
      const count = await loadChanges(seen);
      if (count > 0) {
        sinceVisit.textContent = count + (count === 1 ? ' claim is' : ' claims are')
            + ' new or changed since your last visit (version ' + seen + '). They are marked below.';
        sinceVisit.hidden = false;
      }
    }
    remember(latest);
  }

  // --- live updates ----------------------------------------------------------------------------------------

  async function newVersion(version) {
    if (version <= latest) {
      return;
    }
    const following = shown >= latest;
    const previous = latest;
    versions.push(version);
    latest = version;
    const time = new Date().toLocaleTimeString();
    if (following) {
      await show(version);
      await loadChanges(previous);
      remember(version);
      liveStatus.textContent = 'Live. Updated to version ' + version + ' at ' + time + '.';
    } else {
      updateControls();
      liveStatus.textContent = 'Live. Version ' + version + ' arrived at ' + time + '; you are viewing an earlier one.';
    }
  }

  function connect() {
    const source = new EventSource('/stories/' + encodeURIComponent(storyId) + '/live?since=' + latest);
    source.addEventListener('open', () => {
      liveStatus.textContent = 'Live. New reports appear here as they are processed.';
      liveStatus.classList.add('is-live');
    });
    source.addEventListener('message', event => newVersion(JSON.parse(event.data).version));
    source.addEventListener('error', () => {
      liveStatus.textContent = 'Live updates interrupted; reconnecting…';
      liveStatus.classList.remove('is-live');
    });
  }

  controls.hidden = false;
  updateControls();
  welcome();
  connect();
})();
