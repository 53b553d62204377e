/** The files a public form holds after a failed submit (uploads/held-uploads.ts): kept unless the citizen ticks 移除. */
import type { HeldFile } from '../../uploads/held-uploads.ts';
import { fileSize } from './publication-views.tsx';

export function HeldFiles({ held }: { held: HeldFile[] }) {
  if (!held.length) return null;
  return (
    <fieldset class="field held-files">
      <legend>已保留的附件（无需重新选择）</legend>
      <ul>
        {held.map((h) => (
          <li>
            <input type="hidden" name="heldUpload" value={h.token} />
            {h.fileName} <span class="muted">（{fileSize(h.size)}）</span>{' '}
            <label class="check">
              <input type="checkbox" name="dropUpload" value={h.token} /> 移除
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
