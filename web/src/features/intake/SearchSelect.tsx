import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './SearchSelect.css';

/** One option, with the extra words it should also be found by (other languages, codes). */
export interface SearchOption {
  value: string;
  label: string;
  /** Lower-case text the filter searches besides the label. */
  keywords?: string;
}

/** Options list kept short in the DOM (a country list has 250 entries). */
const MAX_SHOWN = 80;

/** The options matching what was typed: by label or keywords, case-insensitive, labels starting with it first. */
export function filterOptions(options: readonly SearchOption[], query: string): SearchOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...options];
  const starts: SearchOption[] = [];
  const contains: SearchOption[] = [];
  for (const o of options) {
    const label = o.label.toLowerCase();
    if (label.startsWith(q)) starts.push(o);
    else if (label.includes(q) || (o.keywords ?? '').includes(q)) contains.push(o);
  }
  return [...starts, ...contains];
}

/**
 * A type-to-filter picker tuned for keyboard-only data entry (the ARIA combobox pattern): typing
 * narrows the list and marks the first match, arrows move, Enter or Tab takes the marked option,
 * Escape cancels, and emptying the text then leaving clears the value. Written on a plain
 * TextInput instead of Mantine's Select, which would add about 20 KB (gzipped) of floating-UI
 * code to the first download of every user.
 */
export function SearchSelect({
  id,
  data,
  value,
  onChange,
  nothingFoundMessage,
  ...inputProps
}: Omit<TextInputProps, 'value' | 'onChange' | 'id' | 'data'> & {
  id: string;
  data: readonly SearchOption[];
  value: string;
  onChange: (value: string) => void;
  nothingFoundMessage?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLDivElement>(null);
  const chosen = data.find((o) => o.value === value);
  const options = useMemo(() => filterOptions(data, text ?? '').slice(0, MAX_SHOWN), [data, text]);
  const listId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    if (!open || active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const close = () => {
    setOpen(false);
    setActive(-1);
    setText(null);
  };
  const pick = (option: SearchOption) => {
    if (option.value !== value) onChange(option.value);
    close();
  };
  const openAt = (index: number) => {
    setOpen(true);
    setActive(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open)
        openAt(
          Math.max(
            0,
            options.findIndex((o) => o.value === value),
          ),
        );
      else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (open) setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      const option = open && active >= 0 ? options[active] : undefined;
      if (option) {
        // Plain Enter picks; Ctrl+Enter picks and lets the form's own shortcut go on.
        if (!event.ctrlKey && !event.metaKey) event.preventDefault();
        pick(option);
      }
    } else if (event.key === 'Escape' && (open || text !== null)) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
    inputProps.onKeyDown?.(event);
  };

  const onBlur = () => {
    if (text !== null) {
      const typed = text.trim().toLowerCase();
      const exact = options.find((o) => o.label.toLowerCase() === typed);
      if (typed === '') {
        if (value) onChange('');
      } else if (exact) {
        pick(exact);
        return;
      } else if (active >= 0 && options[active]) {
        pick(options[active]);
        return;
      }
    }
    close();
  };

  const list = open && (
    <div
      ref={listRef}
      id={listId}
      role="listbox"
      className="koldoo-search-select__list"
      aria-label={typeof inputProps.label === 'string' ? inputProps.label : undefined}
    >
      {options.length === 0 ? (
        <div className="koldoo-search-select__empty">{nothingFoundMessage}</div>
      ) : (
        options.map((o, i) => (
          <div
            key={o.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-chosen={o.value === value}
            className="koldoo-search-select__option"
            onMouseDown={(event) => {
              event.preventDefault(); // keep the focus in the input
              pick(o);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {o.label}
          </div>
        ))
      )}
    </div>
  );

  return (
    <TextInput
      {...inputProps}
      id={id}
      value={text ?? chosen?.label ?? ''}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        setOpen(true);
        setActive(next.trim() ? 0 : -1);
      }}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      onClick={() => (open ? close() : openAt(options.findIndex((o) => o.value === value)))}
      role="combobox"
      aria-expanded={open}
      aria-controls={listId}
      aria-autocomplete="list"
      aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
      autoComplete="off"
      spellCheck={false}
      inputContainer={(children) => (
        <div className="koldoo-search-select">
          {children}
          {list}
        </div>
      )}
      rightSection={
        value && !inputProps.disabled ? (
          <CloseButton
            size="sm"
            tabIndex={-1}
            aria-label={t('intake.clear')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              onChange('');
              close();
            }}
          />
        ) : (
          <svg
            width="14"
            height="14"
            viewBox="0 0 15 15"
            aria-hidden="true"
            style={{ pointerEvents: 'none' }}
          >
            <path d="M4 6l3.5 3.5L11 6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        )
      }
    />
  );
}
