/** Free text, one line or several. `id` is on the input (tests fill `#<id> input` / `#<id> textarea`). */
import { Input, Textarea } from '@tarojs/components';
import FieldRow from '../FieldRow';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxlength?: number;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'digit' | 'number' | 'idcard';
  error?: string;
}

export default function TextField({ id, label, value, onChange, maxlength, placeholder, multiline, type, error }: TextFieldProps) {
  return (
    <FieldRow id={id} label={label} error={error}>
      {multiline ? (
        <Textarea
          className="form-textarea"
          id={id}
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className="form-input"
          id={id}
          type={type ?? 'text'}
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
    </FieldRow>
  );
}
