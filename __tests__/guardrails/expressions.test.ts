import { expressionContents } from '../../guardrails/expressions';
import { foldLiteralTemplate } from '../../guardrails/literal-templates';

const refs = (text: string) => expressionContents(text).references.map((r) => r.address);

describe('expressionContents', () => {
  test('finds resource, data source, variable and built-in references', () => {
    expect(refs('${aws_iam_role.x.arn}:*')).toEqual(['aws_iam_role.x']);
    expect(refs('${data.terraform_remote_state.global.outputs.zone_id}')).toEqual(['data.terraform_remote_state.global']);
    expect(refs('${var.kong_admin_uri}/${local.path}/${module.m.out}')).toEqual(['var.kong_admin_uri', 'local.path', 'module.m']);
    expect(refs('${terraform.workspace} ${each.value.name} ${count.index}')).toEqual(['terraform', 'each', 'count']);
  });

  test('reads the arguments of function calls, and names the functions', () => {
    const found = expressionContents('${sha1(jsonencode([aws_api_gateway_resource.r.id, "x.y"]))}');
    expect(found.functions).toEqual(['sha1', 'jsonencode']);
    expect(found.references.map((r) => r.address)).toEqual(['aws_api_gateway_resource.r']);
  });

  test('skips object keys, literals, keywords and for-expression variables', () => {
    expect(refs('${{ for key, val in tolist(aws_acm_certificate.c.domain_validation_options): val.domain_name => val }}')).toEqual(['aws_acm_certificate.c']);
    expect(refs('${[ for key, val in aws_route53_record.r: val.fqdn]}')).toEqual(['aws_route53_record.r']);
    expect(refs('${jsonencode({"remove" = {"headers" = ["x-api-key"]}, plain = true, n = 1.5e3})}')).toEqual([]);
    expect(refs('${x == null ? "a.b" : var.y}')).toEqual(['x', 'var.y']);
  });

  test('follows templates nested in strings inside expressions', () => {
    const found = expressionContents('${jsonencode({"add" = {"headers" = ["x-api-key:${sensitive(data.terraform_remote_state.global.outputs.upstream_api_key)}"]}})}');
    expect(found.references.map((r) => r.address)).toEqual(['data.terraform_remote_state.global']);
    expect(found.functions).toEqual(['jsonencode', 'sensitive']);
    expect(found.expressions).toHaveLength(2);
  });

  test('escaped sequences ($${ and %%{) are literals; an odd run of signs before { is not', () => {
    expect(expressionContents('costs $${x} and %%{y}').expressions).toEqual([]);
    expect(refs('$$${var.a}')).toEqual(['var.a']);
    expect(expressionContents('%{ if var.on }yes%{ endif }').references.map((r) => r.address)).toEqual(['var.on']);
  });

  test('a plain string has nothing', () => {
    expect(expressionContents('arn:aws:execute-api:us-east-1:123:abc/dev/POST/v1/x')).toEqual({ expressions: [], references: [], functions: [], directives: [] });
  });
});

describe('foldLiteralTemplate', () => {
  test.each([
    ['${"*"}', '*'],
    ['${true}', true],
    ['${false}', false],
    ['${1.5}', 1.5],
    ['${( "x" )}', 'x'],
    ['a${"b"}c', 'abc'],
    ['${"${"x"}"}', 'x'],
    ['${"\\u002a"}', '*'],
    ['${"$${x}"}', '$${x}'],
    ['${"a"}${var.x}', 'a${var.x}'],
    ['{"Action":"${"*"}","Resource":"${aws_x.y.arn}"}', '{"Action":"*","Resource":"${aws_x.y.arn}"}'],
  ])('folds %s as Terraform evaluates it', (text, value) => {
    expect(foldLiteralTemplate(text)).toBe(value);
  });

  test.each([['plain'], ['$${x}'], ['${var.x}'], ['${upper("x")}'], ['${"${var.x}"}'], ['%{if true}x%{endif}']])('leaves %s alone', (text) => {
    expect(foldLiteralTemplate(text)).toBeUndefined();
  });
});
