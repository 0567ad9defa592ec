import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';

/** A required comment: rejecting a pair, sending a table back. */
export function CommentModal(props: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  loading: boolean;
  onSubmit: (comment: string) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.loading}
      forceRender
    >
      <Form form={form} layout="vertical" name="comment" onFinish={(v) => props.onSubmit(v.comment.trim())}>
        <Form.Item name="comment" label={props.label} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
