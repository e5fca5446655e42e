import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Course, Module } from '../../model/course.ts';
import {
  continueEvent,
  currentModule,
  currentStep,
  isUnderway,
  initialState,
  drawQuestions,
  launchEffects,
  levelContent,
  levelOutcome,
  location,
  progressMeasure,
  questionBank,
  previewState,
  restore,
  serialise,
  transition,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../engine/index.ts';
import type { ModuleTexts } from '../../module-text-loader.ts';
import type { CourseSession, SessionHealth } from '../../session.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import type { SgAnswerEvent } from '../events/sg-answer.ts';
import type { SgChooseEvent } from '../events/sg-choose.ts';
import type { SgOpenModuleEvent } from '../events/sg-open-module.ts';
import type { FocusableView } from '../shared/focus.ts';
import { supportFooter } from '../shared/support.ts';
import { applyEditionTheme } from '../../styles/edition-theme.ts';
import '../sg-device-notice/sg-device-notice.ts';
import type { ForgetOutcome } from '../sg-device-notice/sg-device-notice.ts';
import { notesOwner, removeNotes } from '../sg-reflection/notes-store.ts';
import '../sg-level-chooser/sg-level-chooser.ts';
import '../sg-module-list/sg-module-list.ts';
import '../sg-module-start/sg-module-start.ts';
import '../sg-question/sg-question.ts';
import '../sg-quiz-results/sg-quiz-results.ts';
import type { PrintoutKind, SgOpenRecordEvent } from '../sg-record/events.ts';
import '../sg-record/sg-record.ts';
import '../sg-reflection/sg-reflection.ts';
import '../sg-scenario/sg-scenario.ts';
import type { SgReviewScenarioEvent } from '../sg-scenario/events.ts';
import '../sg-scenario/sg-scenario-review.ts';
import { styles } from './sg-app.styles.ts';

/** A scenario step to open at once, by module and step id (see `preview`). */
export interface StepPreview {
  readonly module: string;
  readonly step: string;
}

/** Said when the saved progress cannot be restored (the engine's reason goes to the console). */
const UNREADABLE_PROGRESS =
  'Your saved place in this level could not be read back, so the level starts from the ' +
  'beginning. Your results already recorded are not affected.';

/**
 * @summary The course shell and the one mediator between the engine and the views. It holds the
 * learner's engine state, turns the views' events into engine events, runs `transition`, hands the
 * effects and the serialised state to the session, and moves focus to the new view's heading.
 *
 * With no `level` it shows the level chooser (the web build serves every level). On a launch with
 * saved progress it offers to continue where the learner left off or to review from the module list.
 */
@customElement('sg-app')
export class SgApp extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The compiled course. */
  @property({ attribute: false }) course?: Course;

  /** Where progress goes: the LMS, or this device (standalone). */
  @property({ attribute: false }) session?: CourseSession;

  /** The level being taken; empty shows the level chooser. */
  @property() level = '';

  /** Seed for a first launch (quiz draw and shuffles); random when not set. */
  @property({ type: Number }) seed?: number;

  /**
   * For authors (the dev server's `?module=…&step=…`): open straight at this scenario step, from
   * a fresh start. Give no session with it: a preview is not progress.
   */
  @property({ attribute: false }) preview?: StepPreview;

  /**
   * Where a module's scenario and question text comes from when the build left it out of the
   * bundle (src/module-text-loader.ts); unset, every module of `course` is whole (the dev server).
   */
  @property({ attribute: false }) texts?: ModuleTexts;

  @state() private content?: LevelContent;
  @state() private state?: LearnerState;
  @state() private screen: 'course' | 'resume' | 'exited' = 'course';
  @state() private notes: readonly string[] = [];
  @state() private health: SessionHealth = { ok: true };
  @state() private levelError = '';
  /** What became of the learner's "Remove my progress from this computer" (standalone). */
  @state() private forgotten: ForgetOutcome;
  /** The author's preview opened at its step (it names one the level has). */
  @state() private previewing = false;
  /** The record of learning or certificate is open over the view it was opened from. */
  @state() private printout?: PrintoutKind;
  /**
   * A module's scenario open to read again (its index), over the view it was opened from: a view
   * only, so no engine event, no effect and nothing for the session.
   */
  @state() private reviewScenario?: number;
  /** Modules whose text is on its way, by id. */
  @state() private textLoading: ReadonlySet<string> = new Set();
  /** Modules whose text failed to load, by id, with the reason (reported to the console). */
  @state() private textFailed: ReadonlyMap<string, string> = new Map();

  private watchedSession?: CourseSession;
  /** The content whose likely next module's text was asked for at idle time (see `updated`). */
  private prefetchedFor?: LevelContent['level'];

  protected override willUpdate(changed: PropertyValues<this>) {
    // The edition's colours and font, as design tokens on the page (organisation.yaml).
    if (changed.has('course')) applyEditionTheme(this.course?.edition);
    if (
      changed.has('course') ||
      changed.has('level') ||
      changed.has('session') ||
      changed.has('preview') ||
      changed.has('texts')
    )
      this.boot();
    this.loadNeededText();
  }

  protected override firstUpdated() {
    // A package's static first view (src/build/first-view.ts) sat in the light DOM until the
    // shadow root replaced it on screen: gone now, so nothing reads or finds it twice.
    this.replaceChildren();
  }

  protected override updated() {
    // Once the module list is up, the text of the module the learner most likely opens next (the
    // first not finished) is loaded when the browser is idle, so it is usually here before they
    // reach its scenario: off the first view's path, and one module's text at most.
    const { content, state, texts } = this;
    if (!texts || !content || !state || this.prefetchedFor === content.level) return;
    if (this.screen !== 'course' || state.current !== null) return;
    this.prefetchedFor = content.level;
    const next = content.modules[state.modules.findIndex((m) => !m.completed)];
    if (!next || this.hasText(next)) return;
    whenIdle(() => {
      if (this.content?.modules.includes(next) && !this.textFailed.has(next.id))
        this.loadText(next);
    });
  }

  override render() {
    const { course, content, state } = this;
    if (!course) return html`<p>Loading the course…</p>`;
    // A level the LMS records as finished, opened with no progress on this device (a review, a
    // new device), shows the LMS's result (sg-module-list), not a bar at 0 %.
    const finishedBefore =
      content && state && this.session?.launchRecord && !levelOutcome(content, state).complete;
    // The bar takes the measure unrounded, so its fill moves at every step of a long level even
    // where the whole percentage in words does not.
    const measure =
      content && state && !finishedBefore ? progressMeasure(content, state) * 100 : null;
    return html`
      <a class="skip-link" href="#main" @click=${this.onSkip}>Skip to main content</a>
      <header>
        <div class="header-inner">
          <div>
            <p class="course-title">${course.title}</p>
            ${content ? html`<p class="level-title">${content.level.title} level</p>` : nothing}
          </div>
          ${
            state && this.screen !== 'exited'
              ? html`<div class="header-actions">
                  ${
                    this.midModule()
                      ? html`<button type="button" class="secondary" @click=${this.onLeaveModule}>
                          Back to the modules
                        </button>`
                      : nothing
                  }
                  ${
                    // Nothing to save without a session (an author's preview).
                    this.session
                      ? html`<button type="button" class="secondary" @click=${this.onSaveAndExit}>
                          Save and exit
                        </button>`
                      : nothing
                  }
                </div>`
              : nothing
          }
        </div>
      </header>
      <div class="width">
        ${
          this.health.ok
            ? nothing
            : html`<div class="banner" role="alert" aria-labelledby="banner-title">
                <h2 class="banner-title" id="banner-title">Important</h2>
                <div class="banner-content"><p>${this.health.message}</p></div>
              </div>`
        }
        ${
          this.session?.mode === 'standalone' && content
            ? html`<sg-device-notice
                .outcome=${this.forgotten}
                @sg-confirm-removal=${this.onForget}
              ></sg-device-notice>`
            : nothing
        }
        ${
          this.previewing && this.preview
            ? html`<p class="notice">
                Preview for authors: this page opened at step “${this.preview.step}” of
                “${this.preview.module}”. Nothing you do here is saved.
              </p>`
            : nothing
        }
        ${
          this.session?.reviewOnly && content
            ? html`<p class="notice">
                You are reviewing this course: nothing you do now is recorded.
              </p>`
            : nothing
        }
        ${
          measure !== null && this.screen !== 'exited'
            ? html`<div class="progress">
                <label for="progress">Your progress</label>
                <progress id="progress" max="100" .value=${measure}>
                  ${Math.round(measure)}%
                </progress>
                <span>${Math.round(measure)}% complete</span>
              </div>`
            : nothing
        }
        ${
          this.notes.length > 0 && this.screen !== 'exited'
            ? html`<div class="notice" role="status">
                ${this.notes.map((n) => html`<p>${n}</p>`)}
              </div>`
            : nothing
        }
        <main
          id="main"
          tabindex="-1"
          @sg-open-module=${this.onOpenModule}
          @sg-continue=${this.onContinue}
          @sg-choose=${this.onChoose}
          @sg-answer=${this.onAnswer}
          @sg-retry-quiz=${this.onRetryQuiz}
          @sg-leave-module=${this.onLeaveModule}
          @sg-open-record=${this.onOpenRecord}
          @sg-close-record=${this.onCloseRecord}
          @sg-review-scenario=${this.onReviewScenario}
          @sg-close-review=${this.onCloseReview}
        >
          ${this.renderView()}
        </main>
      </div>
      <footer>
        <div class="width">
          <h2 class="visually-hidden">Support</h2>
          ${supportFooter(course.edition)}
        </div>
      </footer>
    `;
  }

  /** The next level's address when this build holds it (the web build; a package holds one level). */
  private nextLevelHref(content: LevelContent): string | undefined {
    const next = content.level.next;
    return next && this.course?.levels.some((l) => l.id === next.id)
      ? `?level=${encodeURIComponent(next.id)}`
      : undefined;
  }

  private renderView() {
    const { course, content, state } = this;
    if (!course) return nothing;
    if (!content || !state)
      return html`<sg-level-chooser
        class="view"
        .course=${course}
        message=${this.levelError}
      ></sg-level-chooser>`;
    if (this.screen === 'exited') return this.renderExited();
    if (this.screen === 'resume') return this.renderResume(content, state);
    if (this.printout)
      return html`<sg-record
        class="view"
        kind=${this.printout}
        .content=${content}
        .state=${state}
        .learnerId=${this.session?.learnerId}
        .learnerName=${this.session?.learnerName}
        .levelRecord=${this.session?.launchRecord}
      ></sg-record>`;
    const reviewed = this.reviewScenario;
    const reviewedModule = reviewed === undefined ? undefined : content.modules[reviewed];
    if (reviewedModule && !this.hasText(reviewedModule)) return this.renderTextWait(reviewedModule);
    if (reviewed !== undefined && content.modules[reviewed] && state.modules[reviewed])
      return html`<sg-scenario-review
        class="view"
        .module=${content.modules[reviewed]}
        .progress=${state.modules[reviewed]}
        back-label=${state.current === null ? 'Back to the modules' : 'Back to your results'}
      ></sg-scenario-review>`;
    const here = currentModule(content, state);
    if (!here)
      return html`<sg-module-list
        class="view"
        .content=${content}
        .state=${state}
        .record=${this.session?.launchRecord}
        ?reviewing=${this.session?.reviewOnly ?? false}
        .nextLevelHref=${this.nextLevelHref(content)}
      ></sg-module-list>`;
    const { module, progress } = here;
    // A module under way shows its scenario or questions, so needs its text.
    if (isUnderway(progress.phase) && !this.hasText(module)) return this.renderTextWait(module);
    switch (progress.phase) {
      case 'not-started':
      case 'intro':
        return html`<sg-module-start
          class="view"
          .module=${module}
          .level=${content.level}
          .edition=${content.course.edition}
        ></sg-module-start>`;
      case 'scenario':
        return html`<sg-scenario
          class="view"
          .module=${module}
          .progress=${progress.scenario}
          .seed=${state.seed}
          ?has-quiz=${questionBank(module, content.level).length > 0}
        ></sg-scenario>`;
      case 'quiz': {
        const questions = drawQuestions(module, content.level, state.seed, progress.quiz.attempt);
        const i = progress.quiz.question;
        return html`<sg-question
          class="view"
          .question=${questions[i]}
          .seed=${state.seed}
          module-id=${module.id}
          .attempt=${progress.quiz.attempt}
          .number=${i + 1}
          .total=${questions.length}
          .answer=${progress.quiz.answers[i] ?? null}
          ?answered=${progress.quiz.answered}
        ></sg-question>`;
      }
      case 'results':
        return html`<sg-quiz-results
          class="view"
          .content=${content}
          .module=${module}
          .progress=${progress}
          .seed=${state.seed}
        ></sg-quiz-results>`;
      case 'reflection':
      case 'done':
        return html`<sg-reflection
          class="view"
          .module=${module}
          course-id=${content.course.id}
          course-title=${content.course.title}
          level-id=${content.level.id}
          level-title=${content.level.title}
          .learnerId=${this.session?.learnerId}
          .edition=${content.course.edition}
          ?reviewing=${progress.phase === 'done'}
        ></sg-reflection>`;
    }
  }

  /**
   * In place of a view whose module text is not here yet: a line while it loads, or (when its
   * script failed) what happened, that nothing is lost, and a way to try again or step back.
   */
  private renderTextWait(module: Module) {
    const failed = this.textFailed.get(module.id);
    if (failed === undefined)
      return html`<h1 tabindex="-1" data-focus>
          <span class="caption">Module</span> ${module.title}
        </h1>
        <p class="lead" role="status">Loading the module…</p>`;
    return html`<h1 tabindex="-1" data-focus>This module could not be opened</h1>
      <div role="alert">
        <p class="lead">The text of “${module.title}” did not load.</p>
        <p>
          Your progress is kept: nothing you have done is lost. Check your connection and try again.
          If this keeps happening, tell your training lead or LMS administrator that a file of the
          course is missing.
        </p>
      </div>
      <div class="button-group">
        <button type="button" @click=${() => this.retryText(module)}>Try again</button>
        ${
          this.screen === 'course' && this.reviewScenario === undefined
            ? html`<button type="button" class="secondary" @click=${this.onLeaveModule}>
                Back to the modules
              </button>`
            : html`<button type="button" class="secondary" @click=${this.onCloseReview}>
                Back
              </button>`
        }
      </div>`;
  }

  /** After "Save and exit": saved, or (while saving fails) not, beside the banner that says why. */
  private renderExited() {
    if (!this.health.ok)
      return html`<h1 tabindex="-1" data-focus>Your progress could not be saved</h1>
        <p class="lead">The message above says what this means for your place in the course.</p>`;
    return html`<h1 tabindex="-1" data-focus>Your progress is saved</h1>
      <p class="lead">You can close this window.</p>
      <p>When you come back, you can carry on from where you left off.</p>`;
  }

  private renderResume(content: LevelContent, state: LearnerState) {
    const module = currentModule(content, state)?.module;
    const name = this.session?.learnerName;
    return html`<h1 tabindex="-1" data-focus>Welcome back${name ? `, ${name}` : ''}</h1>
      <p class="lead">
        You have saved progress${module ? html` in “${module.title}”` : nothing}:
        ${this.whereText(content, state)}.
      </p>
      <div class="button-group">
        <button type="button" @click=${this.onResume}>Continue where you left off</button>
        <button type="button" class="secondary" @click=${this.onReviewList}>
          Review from the module list
        </button>
      </div>`;
  }

  // -------------------------------------------------------------------------------------------

  private boot() {
    const { course, level, session } = this;
    this.content = undefined;
    this.state = undefined;
    this.notes = [];
    this.screen = 'course';
    this.levelError = '';
    this.previewing = false;
    this.printout = undefined;
    this.reviewScenario = undefined;
    if (!course || !level) return;
    try {
      this.content = this.withLoadedText(levelContent(course, level));
    } catch {
      this.levelError = `This course has no level called “${level}”. Choose one of the levels below.`;
      return;
    }
    let missing: string | undefined;
    if (this.preview) {
      const { module, step } = this.preview;
      const opened = previewState(this.content, this.seed ?? randomSeed(), module, step);
      if (opened) {
        this.state = opened;
        this.previewing = true;
        return;
      }
      missing = `There is no step “${step}” in a module “${module}” of this level.`;
    }
    const result = restore(this.content, session?.savedState ?? '', this.seed ?? randomSeed());
    this.state = result.state;
    if (result.ok) {
      this.notes = result.notes;
      if (result.state.current !== null) this.screen = 'resume';
    } else if ((session?.savedState ?? '') !== '') {
      // The reason names formats and counts ("6 answers saved for 8 questions"): for the
      // console, not the learner (issue 16 case 9).
      console.warn(`Saved progress not restored: ${result.reason}`);
      this.notes = [UNREADABLE_PROGRESS];
    }
    if (missing) this.notes = [missing, ...this.notes];
    this.reportFinishedLevel(this.content, result.state);
    if (session && session !== this.watchedSession) {
      this.watchedSession = session;
      session.onHealthChange((health) => {
        if (this.session === session) this.health = health;
      });
    }
  }

  // ---- Module text (src/module-text-loader.ts) ---------------------------------------------
  //
  // The bundle may carry only each module's outline: everything the engine reads (so restoring,
  // saving and scoring never wait for text) and everything the module list, module start and
  // record show. The scenario and quiz views need the module's text: it is loaded when the learner
  // opens the module (or at launch, for the module a resumed learner is in), and those views wait
  // for it. The engine state never changes while text loads, so a failure loses nothing.

  /** The module's scenario and question text is here (always, without `texts`). */
  private hasText(module: Module): boolean {
    return !this.texts || this.texts.ready(module) === module;
  }

  /** The level's modules with every text already loaded put in place of its outline. */
  private withLoadedText(content: LevelContent): LevelContent {
    const { texts } = this;
    if (!texts) return content;
    const modules = content.modules.map((m) => texts.ready(m) ?? m);
    return modules.every((m, i) => m === content.modules[i]) ? content : { ...content, modules };
  }

  /**
   * Starts loading the text of the module the learner is in (from its start page, so it is
   * usually here before they reach the scenario) and of a scenario opened to read again.
   */
  private loadNeededText() {
    const { content, state } = this;
    if (!this.texts || !content || !state) return;
    for (const index of [state.current, this.reviewScenario]) {
      const module = index === null || index === undefined ? undefined : content.modules[index];
      if (module && !this.hasText(module) && !this.textFailed.has(module.id)) this.loadText(module);
    }
  }

  private loadText(module: Module) {
    const { texts } = this;
    if (!texts || this.textLoading.has(module.id)) return;
    this.textLoading = new Set([...this.textLoading, module.id]);
    texts.load(module).then(
      () => {
        this.textLoading = without(this.textLoading, module.id);
        const waiting = this.waitingFor(module.id);
        if (this.content) this.content = this.withLoadedText(this.content);
        // The view waiting for it takes its place: focus moves to its heading, as on any new view.
        if (waiting) void this.focusView();
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        // Reported where an LMS administrator or a developer looks; the learner sees the message
        // and a retry (renderTextWait).
        console.error(`Module "${module.id}" could not be opened: ${reason}`);
        this.textLoading = without(this.textLoading, module.id);
        this.textFailed = new Map([...this.textFailed, [module.id, reason]]);
        if (this.waitingFor(module.id)) void this.focusView();
      },
    );
  }

  private retryText(module: Module) {
    const failed = new Map(this.textFailed);
    failed.delete(module.id);
    this.textFailed = failed;
    this.loadText(module);
    void this.focusView();
  }

  /** The view showing now is the wait for this module's text. */
  private waitingFor(moduleId: string): boolean {
    return (
      this.renderRoot.querySelector('main > h1[data-focus]') !== null &&
      this.currentTextModule()?.id === moduleId
    );
  }

  /** The module whose text the view to show needs, if any. */
  private currentTextModule(): Module | undefined {
    const { content, state } = this;
    if (!content || !state || this.screen !== 'course' || this.printout) return undefined;
    if (this.reviewScenario !== undefined) return content.modules[this.reviewScenario];
    const here = currentModule(content, state);
    return here && isUnderway(here.progress.phase) ? here.module : undefined;
  }

  /** At launch, tells the LMS what it missed of a finished level (the engine's `launchEffects`). */
  private reportFinishedLevel(content: LevelContent, state: LearnerState) {
    const { session } = this;
    if (session?.mode !== 'lms' || session.reviewOnly) return;
    const effects = launchEffects(content, state, session.levelComplete);
    if (effects.length === 0) return;
    session.apply(effects, serialise(content, state), location(content, state));
  }

  /** Runs one learner event through the engine and hands the effects to the session. */
  private send(event: LearnerEvent) {
    const { content, state } = this;
    if (!content || !state) return;
    const [next, effects] = transition(content, state, event);
    if (next === state && effects.length === 0) return;
    this.state = next;
    this.session?.apply(effects, serialise(content, next), location(content, next));
    void this.focusView();
  }

  private whereText(content: LevelContent, state: LearnerState): string {
    const here = currentModule(content, state);
    if (!here) return 'the module list';
    const { module, progress } = here;
    switch (progress.phase) {
      case 'scenario':
        return `the scenario, at “${currentStep(module, progress.scenario).title}”`;
      case 'quiz':
        return `the quiz, question ${progress.quiz.question + 1}`;
      case 'results':
        return 'the quiz results';
      case 'reflection':
      case 'done':
        return 'the reflection';
      default:
        return 'the start of the module';
    }
  }

  private async focusView() {
    await this.updateComplete;
    const own = this.renderRoot.querySelector<HTMLElement>('main > [data-focus]');
    if (own) {
      own.focus();
      return;
    }
    const view = this.renderRoot.querySelector<FocusableView>('main > .view');
    await view?.focusHeading();
  }

  private onSkip(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
  }

  /**
   * A learner leaving a shared computer (no LMS): their progress, notes and typed name go, and the
   * level starts again here, so the next person sees nothing of theirs.
   */
  private onForget() {
    const { session, content } = this;
    if (!session?.forget || !content) return;
    const progressGone = session.forget();
    const owner = notesOwner(session.learnerId);
    const notesGone = owner !== undefined && removeNotes(owner);
    this.state = initialState(content, this.seed ?? randomSeed());
    this.notes = [];
    this.screen = 'course';
    this.printout = undefined;
    this.reviewScenario = undefined;
    this.forgotten = progressGone && notesGone ? 'removed' : 'failed';
  }

  private onSaveAndExit() {
    this.session?.finish();
    this.screen = 'exited';
    void this.focusView();
  }

  private onResume() {
    this.screen = 'course';
    void this.focusView();
  }

  private onReviewList() {
    this.screen = 'course';
    this.send({ type: 'leave-module' });
    void this.focusView();
  }

  private onOpenModule(event: SgOpenModuleEvent) {
    this.send({ type: 'open-module', module: event.detail.module });
  }

  private onContinue() {
    if (this.state) this.send(continueEvent(this.state));
  }

  private onChoose(event: SgChooseEvent) {
    this.send({ type: 'choose', option: event.detail.option });
  }

  private onAnswer(event: SgAnswerEvent) {
    this.send({ type: 'answer', answer: event.detail.answer });
  }

  private onRetryQuiz() {
    this.send({ type: 'retry-quiz' });
  }

  private onOpenRecord(event: SgOpenRecordEvent) {
    this.printout = event.detail.kind;
    void this.focusView();
  }

  private onCloseRecord() {
    this.printout = undefined;
    void this.focusView();
  }

  /** From the module list (a module's index) or the results (null: the module open now). */
  private onReviewScenario(event: SgReviewScenarioEvent) {
    const index = event.detail.module ?? this.state?.current;
    if (index === undefined || index === null) return;
    this.reviewScenario = index;
    void this.focusView();
  }

  private onCloseReview() {
    this.reviewScenario = undefined;
    void this.focusView();
  }

  private onLeaveModule() {
    this.send({ type: 'leave-module' });
  }

  /**
   * In a scenario or a quiz, where the view itself offers no way back: the learner can step away
   * to the module list at any point, keeping their place (the content guide's "a way to pause and
   * leave that keeps progress" without having to close the course).
   */
  private midModule(): boolean {
    const { state } = this;
    if (this.screen !== 'course' || !state || state.current === null) return false;
    const phase = state.modules[state.current]?.phase;
    return phase === 'scenario' || phase === 'quiz';
  }
}

/** After the browser's current work (its idle time; a short wait where there is none). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 50);
}

function without(set: ReadonlySet<string>, item: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(item);
  return next;
}

/**
 * A new learner's seed for their quiz draws and shuffles. Nothing secret rests on it, so
 * `Math.random` serves: the first `crypto.getRandomValues` in a page cost up to 18 ms at 4x CPU
 * throttling (bench), on the way to the first view.
 */
function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-app': SgApp;
  }
}
