export type Choice<T extends string> = {
  value: T
  label: string
  /** The label's language, when it is not the interface's (语言 names). */
  lang?: string
}

export type ChoiceGroupProps<T extends string> = {
  /** The radio group's name (unique on the page). */
  name: string
  legend: string
  options: readonly Choice<T>[]
  value: T
  onChange: (value: T) => void
}

/**
 * One setting as a row of segments: native radio buttons in a fieldset,
 * so arrow keys move between them and screen readers name the group.
 */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { name, legend, options, value, onChange } = props
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice" lang={option.lang}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
