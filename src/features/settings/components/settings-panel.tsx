import type { ReactNode } from 'react'
import { LANGUAGE_NAMES } from '@/config/messages'
import { LANGUAGES } from '@/config/languages'
import { LOOK_SETTINGS, TEXT_SIZES } from '@/lib/look'
import { useLocale } from '@/lib/locale'
import {
  setPreference,
  usePreferences,
  type PreferenceName,
  type Preferences,
} from '@/lib/preferences'
import { ChoiceGroup } from './choice-group'

export type SettingsPanelProps = {
  onShowShortcuts: () => void
  children?: ReactNode
}

/** The settings menu's controls; each choice applies at once and is remembered. */
export function SettingsPanel({
  onShowShortcuts,
  children,
}: SettingsPanelProps) {
  const { messages, language } = useLocale()
  const { preferences, persistent } = usePreferences()
  const choose =
    <N extends PreferenceName>(name: N) =>
    (value: Preferences[N]) =>
      setPreference(name, value)
  return (
    <div className="settings-body">
      <h2 className="settings-title">{messages.settings}</h2>
      {!persistent && (
        <p className="settings-note" role="status">
          {messages.settingsNotKept}
        </p>
      )}
      <ChoiceGroup
        name="theme"
        legend={messages.theme}
        options={LOOK_SETTINGS.theme.values.map((value) => ({
          value,
          label: messages.themes[value],
        }))}
        value={preferences.theme}
        onChange={choose('theme')}
      />
      <ChoiceGroup
        name="text-size"
        legend={messages.textSize}
        options={TEXT_SIZES.map((value) => ({
          value,
          label: messages.textSizes[value],
        }))}
        value={preferences.textSize}
        onChange={choose('textSize')}
      />
      <ChoiceGroup
        name="line-width"
        legend={messages.lineWidth}
        options={(['narrow', 'normal', 'wide'] as const).map((value) => ({
          value,
          label: messages.lineWidths[value],
        }))}
        value={preferences.lineWidth}
        onChange={choose('lineWidth')}
      />
      <ChoiceGroup
        name="body-font"
        legend={messages.bodyFont}
        options={LOOK_SETTINGS.bodyFont.values.map((value) => ({
          value,
          label: messages.bodyFonts[value],
        }))}
        value={preferences.bodyFont}
        onChange={choose('bodyFont')}
      />
      <ChoiceGroup
        name="language"
        legend={messages.language}
        options={LANGUAGES.map((value) => ({
          value,
          label: LANGUAGE_NAMES[value],
          lang: value,
        }))}
        value={language}
        onChange={choose('language')}
      />
      {children}
      <button
        type="button"
        className="settings-shortcuts"
        onClick={onShowShortcuts}
      >
        {messages.keyboardShortcuts}
        <kbd aria-hidden="true">?</kbd>
      </button>
    </div>
  )
}
