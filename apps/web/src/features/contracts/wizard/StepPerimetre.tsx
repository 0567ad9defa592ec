import { SearchOutlined } from '@ant-design/icons';
import type { Perimeter } from '@raccord/schemas';
import { Alert, Col, Form, Input, Row, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { PerimeterChoice } from '../perimeter/PerimeterChoice';
import { PerimeterTree } from '../perimeter/PerimeterTree';
import { treeSearch } from '../perimeter/perimeter.api';
import { nodeKey, samePerimeter } from '../perimeter/perimeter-rules';
import { TreeSearchResults } from '../perimeter/TreeSearchResults';
import { usePerimeterPreview, usePerimeterTree } from '../perimeter/use-perimeter';
import type { StepProps } from './step-props';
import { useStepSave } from './use-step-save';
import { WizardFooter } from './WizardFooter';

const empty: Perimeter = { include: [], exclude: [] };

/** Step 5 **Périmètre de partage**: any nodes of the tree, minus exclusions, with a running summary. */
export function StepPerimetre({ project, onNext, onPrevious, onStale }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { save, saving } = useStepSave(project, onStale);
  const saved = project?.perimeter ?? null;
  const [perimeter, setPerimeter] = useState<Perimeter>(saved ?? empty);
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<'required' | 'empty' | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const tree = usePerimeterTree(saved);
  const debounced = useDebouncedValue(perimeter, 250);
  const preview = usePerimeterPreview(debounced.include.length > 0 ? debounced : null);
  const { remember, ancestry } = tree;
  const placing = useRef(new Set<string>());

  // Saved geographic rules: their labels come with the preview; the search tells where they sit.
  useEffect(() => {
    for (const n of preview.data?.nodes ?? []) {
      const key = nodeKey(n.node);
      if (n.node.kind === 'asset' || ancestry(key) !== undefined || placing.current.has(key)) continue;
      placing.current.add(key);
      if (n.node.kind === 'region') remember(key, []);
      else
        void treeSearch(n.label)
          .then((r) => {
            const hit = r.items.find((i) => i.key === key);
            if (hit) remember(key, hit.ancestors);
          })
          .catch(() => undefined);
    }
  }, [preview.data, remember, ancestry]);

  const change = (next: Perimeter) => {
    setProblem(null);
    setPerimeter(next);
  };

  const onSave = () => {
    if (!project) return;
    if (perimeter.include.length === 0) return setProblem('required');
    const current = preview.data && samePerimeter(debounced, perimeter) && !preview.isFetching ? preview.data : null;
    if (current?.total === 0) return setProblem('empty');
    if (samePerimeter(saved, perimeter)) return onNext(project);
    save({ perimeter }, form, onNext);
  };

  return (
    <Form form={form} component={false}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('contracts.perimeter.help')}
      </Typography.Paragraph>
      {problem && (
        <Alert type="error" showIcon title={t(`contracts.perimeter.${problem}`)} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Input
            aria-label={t('contracts.perimeter.search')}
            placeholder={t('contracts.perimeter.search')}
            prefix={<SearchOutlined style={{ color: '#8c95a3' }} />}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 10 }}
          />
          {q.length >= 2 ? (
            <TreeSearchResults q={q} tree={tree} perimeter={perimeter} onChange={change} />
          ) : (
            <PerimeterTree tree={tree} perimeter={perimeter} onChange={change} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <PerimeterChoice
            perimeter={perimeter}
            preview={perimeter.include.length > 0 ? preview.data : undefined}
            loading={preview.isFetching}
            onChange={change}
          />
        </Col>
      </Row>
      <div style={{ height: 16 }} />
      <WizardFooter onPrevious={onPrevious} saving={saving} onNext={onSave} />
    </Form>
  );
}
