/**
 * Boot: the compiled course (from the build) and the level this package teaches. The views and the
 * LMS adapter attach here (see the learner-experience and SCORM issues).
 */
import course from 'virtual:course';
import './components/sg-app/sg-app.ts';

const app = document.querySelector('sg-app');
if (app) app.course = course;
