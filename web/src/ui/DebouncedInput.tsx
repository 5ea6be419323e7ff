import { Input } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

type Props = {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  prefix?: ReactNode;
  delayMs?: number;
  style?: React.CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** A text input that reports its value once typing pauses (Enter reports at once). */
export function DebouncedInput({ value, onChange, delayMs = 300, ...rest }: Props) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, delayMs);
  const reported = useRef(value);

  // Outside changes (e.g. "reset filters") replace what is typed.
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  const report = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== reported.current) {
      reported.current = trimmed;
      onChange(trimmed);
    }
  };

  useEffect(() => report(debounced), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Input
      {...rest}
      value={text}
      allowClear
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => report(text)}
    />
  );
}
