import { PlanningSettingsForm } from '../components/planning-settings.js';
import { ScoreSettingsForm } from '../components/score-settings.js';
import { TemplatesForm } from '../components/templates.js';

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <p className="lead">Stored in your Rapport database; every change is checked before it is kept.</p>
      <PlanningSettingsForm />
      <TemplatesForm />
      <ScoreSettingsForm />
    </>
  );
}
